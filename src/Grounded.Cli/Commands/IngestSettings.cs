using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded ingest</c>.</summary>
internal sealed class IngestSettings : StoreSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Files or folders to index (.txt .md .html .pdf .docx, code .cs .py .js .ts, transcripts .json .jsonl); folders are walked recursively")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--chunk-tokens <N>")]
    [Description("Largest chunk in o200k tokens. Default: 512")]
    [DefaultValue(512)]
    public int ChunkTokens { get; init; } = 512;

    [CommandOption("--overlap <N>")]
    [Description("Tokens of whole sentences repeated between neighbouring chunks. Default: 64")]
    [DefaultValue(64)]
    public int Overlap { get; init; } = 64;

    [CommandOption("--chunker <NAME>")]
    [Description("Chunking strategy: auto (by file type), tokens, sections, code, turns or semantic. Default: auto")]
    [DefaultValue("auto")]
    public string Chunker { get; init; } = "auto";

    /// <summary>Gets the strategy <see cref="Chunker"/> names (valid once <see cref="Validate"/> passed).</summary>
    public Rag.Chunking.ChunkerKind ChunkerKind => Rag.Chunking.Chunkers.Parse(Chunker) ?? Rag.Chunking.ChunkerKind.Auto;

    [CommandOption("--prune")]
    [Description("Remove documents under the given folders whose files are gone")]
    public bool Prune { get; init; }

    [CommandOption("--collection <NAME>")]
    [Description("File the documents under this collection (search with --collection)")]
    public string? Collection { get; init; }

    [CommandOption("--tenant <TENANT>")]
    [Description("The tenant the documents belong to: only its keys see them (default: the default tenant)")]
    public string? Tenant { get; init; }

    [CommandOption("--groups <A,B>")]
    [Description("Groups whose keys may see the documents, comma-separated; keys in none of them do not (default: every key of the tenant)")]
    public string? Groups { get; init; }

    [CommandOption("--tag <TAG>")]
    [Description("Tag the documents (repeat for several; search with --tag)")]
    public string[] Tags { get; init; } = [];

    [CommandOption("--pii <MODE>")]
    [Description("Screen documents for personal data: flag (count it per document and type, index unchanged) or redact (typed placeholders such as <EMAIL_ADDRESS> replace it before indexing)")]
    public string? Pii { get; init; }

    /// <summary>Gets the mode <see cref="Pii"/> names, or null when PII is not screened (valid once <see cref="Validate"/> passed).</summary>
    public Rag.Ingest.PiiIngestMode? PiiMode => ParsePii(Pii);

    public override ValidationResult Validate()
    {
        var problems = FlagChecks.Chunking(ChunkTokens, Overlap).ToList();
        if (Pii is not null && ParsePii(Pii) is null)
        {
            problems.Add($"--pii must be flag or redact (got '{Pii}')");
        }

        if (Rag.Chunking.Chunkers.Parse(Chunker) is null)
        {
            problems.Add($"--chunker must be auto, tokens, sections, code, turns or semantic (got '{Chunker}')");
        }

        if (Paths.Length == 0)
        {
            problems.Insert(0, "give at least one file or folder to ingest");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    private static Rag.Ingest.PiiIngestMode? ParsePii(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        "flag" => Rag.Ingest.PiiIngestMode.Flag,
        "redact" => Rag.Ingest.PiiIngestMode.Redact,
        _ => null,
    };
}
