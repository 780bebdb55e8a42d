using System.ComponentModel;
using Grounded.Gateway.Cache;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded cache eval</c>.</summary>
internal sealed class CacheEvalSettings : CommandSettings
{
    [CommandOption("--pairs <FILE>")]
    [Description("Labelled pairs: PAWS TSV (id, text 1, text 2, label 0/1) or CSV with a header (text 1, text 2, label 0/1)")]
    public string Pairs { get; init; } = string.Empty;

    [CommandOption("--threshold <X>")]
    [Description("The cosine threshold for a hit, above 0 and at most 1. Default: the gateway's (0.90)")]
    public double Threshold { get; init; } = SemanticMatcher.DefaultThreshold;

    [CommandOption("--sweep")]
    [Description("Also report precision, recall and hit rate over thresholds 0.70 to 0.99")]
    public bool Sweep { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }

    [CommandOption("--no-quantize")]
    [Description("Embed with the float32 model instead of the int8-quantized one the stack uses by default")]
    public bool NoQuantize { get; init; }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Pairs))
        {
            problems.Add("give the labelled pairs with --pairs FILE");
        }

        if (SemanticMatcher.ThresholdProblem(Threshold) is { } threshold)
        {
            problems.Add(threshold.Replace("the semantic cache's threshold", "--threshold", StringComparison.Ordinal));
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
