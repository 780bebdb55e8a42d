using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded eval chunking</c>.</summary>
internal sealed class EvalChunkingSettings : StoreSettings
{
    [CommandOption("--corpus <DIR>")]
    [Description("The documents to index (any format ingest reads), once per chunk size")]
    public string Corpus { get; init; } = string.Empty;

    [CommandOption("--questions <FILE>")]
    [Description("JSON Lines, one {\"question\": \"...\", \"answer\": \"...\"} per line; the answer text must appear in the corpus")]
    public string Questions { get; init; } = string.Empty;

    [CommandOption("--chunk-tokens <LIST>")]
    [Description("Chunk sizes to compare, comma-separated. Default: 256,512,1024")]
    [DefaultValue("256,512,1024")]
    public string ChunkTokens { get; init; } = "256,512,1024";

    [CommandOption("--overlap <N>")]
    [Description("Overlap between chunks in tokens. Default: an eighth of the chunk size, at most 64")]
    public int? Overlap { get; init; }

    [CommandOption("-k|--top-k <K>")]
    [Description("How many chunks are retrieved per question. Default: 5")]
    [DefaultValue(5)]
    public int K { get; init; } = 5;

    [CommandOption("--mode <MODE>")]
    [Description("Retrieval: hybrid, dense or keyword. Default: hybrid")]
    [DefaultValue("hybrid")]
    public string Mode { get; init; } = "hybrid";

    public IReadOnlyList<int> Sizes => Parse(ChunkTokens) ?? [];

    public int OverlapFor(int size) => Overlap ?? Math.Min(64, size / 8);

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Corpus))
        {
            problems.Add("give the documents with --corpus DIR");
        }

        if (string.IsNullOrWhiteSpace(Questions))
        {
            problems.Add("give the questions file with --questions FILE");
        }

        if (Parse(ChunkTokens) is not { } sizes)
        {
            problems.Add($"--chunk-tokens must be a comma-separated list of whole numbers (got '{ChunkTokens}')");
        }
        else
        {
            problems.AddRange(sizes.SelectMany(s => FlagChecks.Chunking(s, OverlapFor(s))).Distinct());
        }

        if (K is < 1 or > 100)
        {
            problems.Add($"--k (-k, --top-k) must be between 1 and 100 (got {K})");
        }

        if (ModeOption.Problem(Mode) is { } mode)
        {
            problems.Add(mode);
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    private static List<int>? Parse(string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            values.Add(value);
        }

        return values.Count > 0 ? values.Distinct().ToList() : null;
    }
}
