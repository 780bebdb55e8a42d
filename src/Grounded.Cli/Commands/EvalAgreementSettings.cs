using System.ComponentModel;
using Grounded.Evaluation.Agreement;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded eval agreement</c>.</summary>
internal sealed class EvalAgreementSettings : CommandSettings
{
    [CommandOption("--judge <FILE>")]
    [Description("The judge's grades: JSON Lines {\"id\": ..., \"score\": N} (or \"grade\"), or CSV with id and score (or grade) columns")]
    public string Judge { get; init; } = string.Empty;

    [CommandOption("--human <FILE>")]
    [Description("The human's grades of the same items, in either format; items are matched by id")]
    public string Human { get; init; } = string.Empty;

    [CommandOption("--scale <MIN-MAX>")]
    [Description("The rating scale, e.g. 1-5: its whole numbers are the categories, and a grade off it is an error. Default: the lowest to the highest grade given")]
    public string? Scale { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Judge))
        {
            problems.Add("give the judge's grades with --judge FILE");
        }

        if (string.IsNullOrWhiteSpace(Human))
        {
            problems.Add("give the human grades with --human FILE");
        }

        if (Scale is not null && JudgeAgreement.ParseScale(Scale) is null)
        {
            problems.Add($"--scale must be MIN-MAX with whole numbers, MIN below MAX, e.g. 1-5 (got '{Scale}')");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
