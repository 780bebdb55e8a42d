using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded guard check</c>'s options: the config whose guards run, and the model or route whose policy applies.</summary>
internal sealed class GuardCheckSettings : CommandSettings
{
    [CommandOption("--config <FILE>")]
    [Description("Grounded's YAML config, whose guards: run (see docs/guardrails.md). Default: $GROUNDED_CONFIG; with no guards configured: pii, injection and toxicity")]
    public string? Config { get; init; }

    [CommandOption("--model <NAME>")]
    [Description("The model or route whose guards apply (its override of guards:). Default: the top-level guards")]
    public string? Model { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }
}
