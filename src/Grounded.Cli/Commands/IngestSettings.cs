using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded ingest</c>.</summary>
internal sealed class IngestSettings : StoreSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Files or folders to index (.txt .md .html .pdf .docx); folders are walked recursively")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--chunk-tokens <N>")]
    [Description("Largest chunk in o200k tokens. Default: 512")]
    [DefaultValue(512)]
    public int ChunkTokens { get; init; } = 512;

    [CommandOption("--overlap <N>")]
    [Description("Tokens of whole sentences repeated between neighbouring chunks. Default: 64")]
    [DefaultValue(64)]
    public int Overlap { get; init; } = 64;

    [CommandOption("--prune")]
    [Description("Remove documents under the given folders whose files are gone")]
    public bool Prune { get; init; }

    [CommandOption("--collection <NAME>")]
    [Description("File the documents under this collection (search with --collection)")]
    public string? Collection { get; init; }

    [CommandOption("--tag <TAG>")]
    [Description("Tag the documents (repeat for several; search with --tag)")]
    public string[] Tags { get; init; } = [];

    public override ValidationResult Validate()
    {
        var chunking = new Rag.Chunking.ChunkingOptions { ChunkTokens = ChunkTokens, OverlapTokens = Overlap };
        var problems = chunking.Validate().ToList();
        if (Paths.Length == 0)
        {
            problems.Insert(0, "give at least one file or folder to ingest");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
