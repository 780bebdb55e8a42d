using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded ask</c>: the query options plus an optional language model from a gateway config.</summary>
internal sealed class AskSettings : QuerySettings
{
    [CommandOption("--model <NAME>")]
    [Description("Answer with this model of the gateway config (needs --config); default: the extractive answerer")]
    public string? Model { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("The gateway's YAML file that defines --model (see docs/gateway.md)")]
    public string? Config { get; init; }

    public override ValidationResult Validate()
    {
        var basic = base.Validate();
        return !basic.Successful ? basic
            : Model is not null && Config is null ? ValidationResult.Error("--model needs --config FILE (the gateway config that defines it)")
            : ValidationResult.Success();
    }
}
