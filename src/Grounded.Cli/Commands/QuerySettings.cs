using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of the verbs that query a store; those left out take the configured defaults.</summary>
internal class QuerySettings : StoreSettings, IExactSearchSettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("The question or search text (quote it)")]
    public string Query { get; init; } = string.Empty;

    [CommandOption("-k|--top-k <K>")]
    [Description("How many chunks to retrieve. Default: the config's rag.topK, else 5")]
    public int? TopK { get; init; }

    [CommandOption("--rerank <N>")]
    [Description("Rerank N retrieved chunks by their best sentence before the top-k are kept; 0 is off. Default: the config's rag.rerank, else 15 for ask (it picks better evidence for answers); 0 for search (it lowers document ranking quality)")]
    public int? Rerank { get; init; }

    [CommandOption("--mmr <LAMBDA>")]
    [Description("Diversify the top-k by maximal marginal relevance: λ (above 0, at most 1) weighs relevance against overlap with chunks already kept (e.g. 0.7); 0 is off. Default: the config's rag.mmr, else 0")]
    public double? Mmr { get; init; }

    [CommandOption("--mode <MODE>")]
    [Description("Retrieval: hybrid (dense and keyword legs fused), dense (embeddings only) or keyword (BM25 only). Default: the config's rag.mode, else hybrid")]
    public string? Mode { get; init; }

    [CommandOption("--collection <NAME>")]
    [Description("Only documents ingested into this collection")]
    public string? Collection { get; init; }

    [CommandOption("--source-prefix <PREFIX>")]
    [Description("Only documents whose source path starts with PREFIX")]
    public string? SourcePrefix { get; init; }

    [CommandOption("--tag <TAG>")]
    [Description("Only documents carrying this tag (repeat for several: all must match)")]
    public string[] Tags { get; init; } = [];

    [CommandOption("--exact")]
    [Description("Scan every vector instead of using the HNSW index (exact, slower on large stores)")]
    public bool Exact { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Query) ? ValidationResult.Error("the question is empty")
        : TopK is < 1 or > 1000 ? ValidationResult.Error($"--top-k must be between 1 and 1000 (got {TopK})")
        : Rerank is < 0 or > 1000 ? ValidationResult.Error($"--rerank must be between 0 and 1000 (got {Rerank})")
        : Mmr is < 0 or > 1 ? ValidationResult.Error($"--mmr must be between 0 and 1 (got {Mmr})")
        : Mode is not null && ModeOption.Problem(Mode) is { } problem ? ValidationResult.Error(problem)
        : ValidationResult.Success();
}
