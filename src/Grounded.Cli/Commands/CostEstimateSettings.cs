using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded cost estimate</c>.</summary>
internal sealed class CostEstimateSettings : CommandSettings
{
    [CommandArgument(0, "[PATH]")]
    [Description("Files or folders to measure, read as ingest reads them (.txt .md .html .pdf .docx, code, transcripts); or give --tokens")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--tokens <N>")]
    [Description("Price this many input tokens instead of measuring files")]
    public long? Tokens { get; init; }

    [CommandOption("--model <NAME>")]
    [Description("A configured model's name, or a well-known provider model id such as gpt-4o-mini (repeat for several). Default: every configured model")]
    public string[] Models { get; init; } = [];

    [CommandOption("--output-tokens <N>")]
    [Description("Output tokens in all, priced at the output rate. Default: 0")]
    public long? OutputTokens { get; init; }

    [CommandOption("--output-tokens-per-document <N>")]
    [Description("Output tokens per document (with PATH), e.g. a summary's length")]
    public long? OutputTokensPerDocument { get; init; }

    [CommandOption("--documents <N>")]
    [Description("Extrapolate the corpus under PATH to this many documents of the same average size (\"what would 1M documents cost\")")]
    public long? Documents { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("Grounded's YAML config, whose models and prices are used (see docs/configuration.md). Default: $GROUNDED_CONFIG, else none")]
    public string? Config { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if ((Paths.Length > 0) == Tokens.HasValue)
        {
            problems.Add(Tokens.HasValue ? "give PATH or --tokens, not both" : "give PATH (files or folders to measure) or --tokens N");
        }

        if (Tokens < 0 || OutputTokens < 0 || OutputTokensPerDocument < 0 || Documents < 1)
        {
            problems.Add("--tokens, --output-tokens and --output-tokens-per-document must be 0 or more, --documents 1 or more");
        }

        if (OutputTokens.HasValue && OutputTokensPerDocument.HasValue)
        {
            problems.Add("give --output-tokens (in all) or --output-tokens-per-document, not both");
        }

        if (Tokens.HasValue && (Documents.HasValue || OutputTokensPerDocument.HasValue))
        {
            problems.Add("--documents and --output-tokens-per-document need a measured corpus (PATH), not --tokens");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
