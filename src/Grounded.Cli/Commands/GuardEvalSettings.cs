using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded guard eval</c>.</summary>
internal sealed class GuardEvalSettings : CommandSettings
{
    /// <summary>The guards that can be evaluated.</summary>
    public static readonly string[] Guards = ["pii", "injection"];

    [CommandOption("--guard <NAME>")]
    [Description("The guard to measure: pii (a presidio-research JSON set) or injection (JSONL text/label or CSV prompt/label)")]
    public string Guard { get; init; } = string.Empty;

    [CommandOption("--dataset <FILE>")]
    [Description("The labelled data set")]
    public string Dataset { get; init; } = string.Empty;

    [CommandOption("--no-name-lists")]
    [Description("pii: find person names from context cues and capitalisation only, without the built-in first-name and surname lists")]
    public bool NoNameLists { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Guard))
        {
            problems.Add($"name the guard with --guard ({string.Join(" or ", Guards)})");
        }
        else if (!Guards.Contains(Guard, StringComparer.Ordinal))
        {
            problems.Add($"unknown guard '{Guard}' (known: {string.Join(", ", Guards)})");
        }

        if (string.IsNullOrWhiteSpace(Dataset))
        {
            problems.Add("give the labelled data with --dataset FILE");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
