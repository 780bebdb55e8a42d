using Grounded.Rag;
using Grounded.Rag.Retrieve;

namespace Grounded.Cli.Commands;

/// <summary>Parses <c>--mode</c> and <c>--fusion</c> and applies them to the store's options.</summary>
internal static class ModeOption
{
    public static string? Problem(string mode) =>
        Parse(mode) is null ? $"--mode must be hybrid, dense or keyword (got '{mode}')" : null;

    public static RetrievalMode? Parse(string mode) => mode.Trim().ToLowerInvariant() switch
    {
        "hybrid" => RetrievalMode.Hybrid,
        "dense" => RetrievalMode.Dense,
        "keyword" or "bm25" => RetrievalMode.Keyword,
        _ => null,
    };

    public static FusionMethod? ParseFusion(string fusion) => fusion.Trim().ToLowerInvariant() switch
    {
        "rrf" => FusionMethod.Rrf,
        "weighted" => FusionMethod.Weighted,
        _ => null,
    };

    /// <summary>Returns the options with the mode set (the rest of the retrieval options keep their defaults).</summary>
    public static LocalRagOptions WithMode(LocalRagOptions options, string mode) =>
        options with { Retrieval = options.Retrieval with { Mode = Parse(mode) ?? RetrievalMode.Hybrid } };
}
