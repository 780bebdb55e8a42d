using Grounded.Rag.Retrieve;

namespace Grounded.Cli.Commands;

/// <summary>Reads <c>--mode</c> and <c>--fusion</c> as the library parses them, with the CLI's wording for a bad value.</summary>
internal static class ModeOption
{
    public static string? Problem(string mode) =>
        Parse(mode) is null ? $"--mode must be hybrid, dense or keyword (got '{mode}')" : null;

    public static RetrievalMode? Parse(string mode) => RetrievalOptions.ParseMode(mode);

    public static FusionMethod? ParseFusion(string fusion) => RetrievalOptions.ParseFusion(fusion);
}
