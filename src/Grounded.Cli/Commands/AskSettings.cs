using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded ask</c>: the query options plus an optional language model of the config.</summary>
internal sealed class AskSettings : QuerySettings
{
    [CommandOption("--model <NAME>")]
    [Description("Answer with this model or route (such as auto) of the config (with --config or $GROUNDED_CONFIG). Default: the config's rag.model, else the extractive answerer")]
    public string? Model { get; init; }
}
