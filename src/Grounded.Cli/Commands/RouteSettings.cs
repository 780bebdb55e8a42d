using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded route explain</c>'s options: a prompt, the route, and the config that defines it (no store is opened).</summary>
internal sealed class RouteExplainSettings : CommandSettings
{
    [CommandArgument(0, "<PROMPT>")]
    [Description("The prompt to classify, as a request's last user message")]
    public string Prompt { get; init; } = string.Empty;

    [CommandOption("--route <NAME>")]
    [Description("The route that decides (see the config's routes:). Default: auto")]
    public string Route { get; init; } = "auto";

    [CommandOption("--max-tokens <N>")]
    [Description("The answer size the request asks for (max_tokens), if any")]
    public int? MaxTokens { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("Grounded's YAML config: models and routes (see docs/configuration.md). Default: $GROUNDED_CONFIG, else none")]
    public string? Config { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }
}
