using System.ComponentModel;
using System.Globalization;
using Grounded.Rag.Retrieve;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded eval retrieval</c>.</summary>
internal sealed class EvalRetrievalSettings : StoreSettings
{
    [CommandOption("--dataset <DIR>")]
    [Description("A BEIR-layout folder: corpus.jsonl, queries.jsonl, qrels/<split>.tsv")]
    public string Dataset { get; init; } = string.Empty;

    [CommandOption("--split <SPLIT>")]
    [Description("The qrels split to score against. Default: test, else the only split present")]
    public string? Split { get; init; }

    [CommandOption("--mode <MODE>")]
    [Description("Retrieval: hybrid, dense or keyword. Default: hybrid")]
    [DefaultValue("hybrid")]
    public string Mode { get; init; } = "hybrid";

    [CommandOption("--fusion <METHOD>")]
    [Description("How hybrid fuses its legs: rrf (reciprocal rank) or weighted (min-max normalised scores). Default: the product's")]
    public string? Fusion { get; init; }

    [CommandOption("--rrf-k <K>")]
    [Description("Reciprocal rank fusion's k. Default: the product's")]
    public int? RrfK { get; init; }

    [CommandOption("--keyword-weight <W>")]
    [Description("The keyword leg's weight against the dense leg's 1. Default: the product's")]
    public double? KeywordWeight { get; init; }

    [CommandOption("-k|--cutoffs <LIST>")]
    [Description("Cut-offs for nDCG, Recall and Precision, comma-separated (5, 10 and 100 are always reported). Default: 1,5,10,100")]
    [DefaultValue("1,5,10,100")]
    public string K { get; init; } = "1,5,10,100";

    [CommandOption("--rerank <N>")]
    [Description("Rerank the first N retrieved chunks with the sentence reranker, as ask and search do (15 there); the rest keep their order. Default: 0 (retrieval alone)")]
    [DefaultValue(0)]
    public int Rerank { get; init; }

    [CommandOption("--per-query")]
    [Description("Also report each query's metrics and top documents")]
    public bool PerQuery { get; init; }

    [CommandOption("--latency")]
    [Description("Also time every query again at top-k 10 (the figures for interactive use) and report p50/p95")]
    public bool Latency { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Ask only the first N judged queries (a quick look)")]
    public int? Limit { get; init; }

    public IReadOnlyList<int> Cutoffs => ParseCutoffs(K) ?? [];

    /// <summary>Returns the retrieval options the flags describe, on top of the product's defaults.</summary>
    public RetrievalOptions Retrieval()
    {
        var defaults = new RetrievalOptions();
        return defaults with
        {
            Mode = RetrievalOptions.ParseMode(Mode) ?? RetrievalMode.Hybrid,
            Fusion = RetrievalOptions.ParseFusion(Fusion) ?? defaults.Fusion,
            RrfK = RrfK ?? defaults.RrfK,
            KeywordWeight = KeywordWeight ?? defaults.KeywordWeight,
        };
    }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Dataset))
        {
            problems.Add("give the data set folder with --dataset DIR");
        }

        if (ModeOption.Problem(Mode) is { } mode)
        {
            problems.Add(mode);
        }

        if (ModeOption.FusionProblem(Fusion) is { } fusion)
        {
            problems.Add(fusion);
        }

        if (ParseCutoffs(K) is null)
        {
            problems.Add($"--k (-k, --cutoffs) must be a comma-separated list of whole numbers between 1 and 1000 (got '{K}')");
        }

        if (Limit is < 1)
        {
            problems.Add($"--limit must be at least 1 (got {Limit})");
        }

        problems.AddRange(FlagChecks.Retrieval(Retrieval()));
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    private static List<int>? ParseCutoffs(string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k is < 1 or > 1000)
            {
                return null;
            }

            values.Add(k);
        }

        return values.Count > 0 ? values : null;
    }
}
