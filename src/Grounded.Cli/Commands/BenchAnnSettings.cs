using System.ComponentModel;
using Grounded.Rag.Index.Ann;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded bench ann</c>.</summary>
internal sealed class BenchAnnSettings : CommandSettings
{
    public const int MaxCount = 5_000_000;

    [CommandOption("--count <N>")]
    [Description("How many synthetic vectors to index. Default: 100000")]
    [DefaultValue(100_000)]
    public int Count { get; init; } = 100_000;

    [CommandOption("--dim <D>")]
    [Description("Vector dimensions. Default: 384")]
    [DefaultValue(384)]
    public int Dim { get; init; } = 384;

    [CommandOption("--queries <Q>")]
    [Description("How many queries to time (each also gives the exact top-10 for recall). Default: 500")]
    [DefaultValue(500)]
    public int Queries { get; init; } = 500;

    [CommandOption("-m|--hnsw-m <M>")]
    [Description("HNSW links per node (also --m). Default: 16")]
    [DefaultValue(16)]
    public int M { get; init; } = 16;

    [CommandOption("--ef-construction <EF>")]
    [Description("HNSW candidate list while building. Default: 128")]
    [DefaultValue(128)]
    public int EfConstruction { get; init; } = 128;

    [CommandOption("--ef-search <EF>")]
    [Description("HNSW candidate list while searching. Default: 100")]
    [DefaultValue(100)]
    public int EfSearch { get; init; } = 100;

    [CommandOption("--quantization <KIND>")]
    [Description("How the embedded index stores vectors: f32, f16 or i8 (candidates are rescored from float vectors). Default: i8")]
    [DefaultValue(AnnQuantization.I8)]
    public AnnQuantization Quantization { get; init; } = AnnQuantization.I8;

    [CommandOption("--threads <T>")]
    [Description("Threads that build the index. Default: all processors")]
    public int? Threads { get; init; }

    [CommandOption("--seed <SEED>")]
    [Description("Seed of the synthetic vectors. Default: 42")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("--store <URL>")]
    [Description("Run against pgvector instead of the embedded index: postgres://USER@HOST:PORT/DB")]
    public string? Store { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }

    /// <summary>Rewrites <c>--m</c> (single-letter long options are not allowed by the parser) to <c>-m</c>.</summary>
    public static string[] NormalizeArguments(string[] args) =>
        args is ["bench", "ann", ..] ? args.Select(a => a == "--m" ? "-m" : a.StartsWith("--m=", StringComparison.Ordinal) ? "-m=" + a[4..] : a).ToArray() : args;

    public AnnOptions Ann => new()
    {
        Connectivity = M, ExpansionAdd = EfConstruction, ExpansionSearch = EfSearch, Quantization = Quantization,
        BuildThreads = Threads ?? Environment.ProcessorCount,
    };

    public override ValidationResult Validate()
    {
        var problems = FlagChecks.Ann(Ann).ToList();
        if (Count is < 1_000 or > MaxCount)
        {
            problems.Add($"--count must be between 1000 and {MaxCount} (got {Count})");
        }

        if (Dim is < 2 or > 4096)
        {
            problems.Add($"--dim must be between 2 and 4096 (got {Dim})");
        }

        if (Queries is < 1 or > 100_000)
        {
            problems.Add($"--queries must be between 1 and 100000 (got {Queries})");
        }

        if (Store is not null && !Benchmarks.PostgresUrl.IsPostgres(Store))
        {
            problems.Add($"--store must be a postgres:// URL here (the embedded index needs no store); got '{Store}'");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
