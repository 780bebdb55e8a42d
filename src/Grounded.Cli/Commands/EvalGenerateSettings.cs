using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded eval generate</c>.</summary>
internal sealed class EvalGenerateSettings : StoreSettings
{
    [CommandOption("--count <N>")]
    [Description("How many question/answer/source items to draft (fewer when the store's chunks run out)")]
    public int Count { get; init; }

    [CommandOption("--model <NAME>")]
    [Description("A configured model or route drafts each item; a reply that does not parse falls back to the templates. Default: templates only (no model)")]
    public string? Model { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write the items (JSON Lines, the eval dataset format) to FILE. Default: stdout")]
    public string? Out { get; init; }

    [CommandOption("--seed <S>")]
    [Description("Seed of the chunks' order and the templates' picks: the same store and seed draft the same items. Default: 1")]
    public int Seed { get; init; } = 1;

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (Count is < 1 or > 100_000)
        {
            problems.Add($"--count must be between 1 and 100000 (got {Count})");
        }

        if (Json && string.IsNullOrWhiteSpace(Out))
        {
            problems.Add("--json prints a summary on stdout: give --out FILE for the items");
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }
}
