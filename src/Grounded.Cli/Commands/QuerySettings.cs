using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of the verbs that query a store.</summary>
internal class QuerySettings : StoreSettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("The question or search text (quote it)")]
    public string Query { get; init; } = string.Empty;

    [CommandOption("-k|--top-k <K>")]
    [Description("How many chunks to retrieve. Default: 5")]
    [DefaultValue(5)]
    public int TopK { get; init; } = 5;

    [CommandOption("--exact")]
    [Description("Scan every vector instead of using the HNSW index (exact, slower on large stores)")]
    public bool Exact { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Query) ? ValidationResult.Error("the question is empty")
        : TopK is < 1 or > 1000 ? ValidationResult.Error($"--top-k must be between 1 and 1000 (got {TopK})")
        : ValidationResult.Success();
}
