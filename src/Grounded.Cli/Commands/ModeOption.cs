using Grounded.Rag.Retrieve;

namespace Grounded.Cli.Commands;

/// <summary>The CLI's wording for a bad <c>--mode</c> or <c>--fusion</c>; the values are read by the library's parsers (<see cref="RetrievalOptions"/>).</summary>
internal static class ModeOption
{
    public static string? Problem(string mode) =>
        RetrievalOptions.ParseMode(mode) is null ? $"--mode must be hybrid, dense or keyword (got '{mode}')" : null;

    public static string? FusionProblem(string? fusion) =>
        fusion is not null && RetrievalOptions.ParseFusion(fusion) is null ? $"--fusion must be rrf or weighted (got '{fusion}')" : null;
}
