using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>The options every <c>grounded prompts</c> verb shares: the store that keeps the active versions, and the config (<c>prompts.dir</c>, <c>prompts.environment</c>).</summary>
internal class PromptsSettings : StoreSettings;

/// <summary><c>grounded prompts show</c>'s options.</summary>
internal sealed class PromptShowSettings : PromptsSettings
{
    [CommandArgument(0, "<ID[@VERSION]>")]
    [Description("The prompt, e.g. grounded-answer or grounded-answer@2.0.0")]
    public string Reference { get; init; } = string.Empty;

    [CommandOption("--env <ENV>")]
    [Description("Show the version active in this environment (else the newest) when no version is given")]
    public string? Environment { get; init; }
}

/// <summary><c>grounded prompts diff</c>'s options.</summary>
internal sealed class PromptDiffSettings : PromptsSettings
{
    [CommandArgument(0, "<ID@A>")]
    [Description("The old version, e.g. grounded-answer@1.0.0")]
    public string From { get; init; } = string.Empty;

    [CommandArgument(1, "<ID@B>")]
    [Description("The new version, e.g. grounded-answer@2.0.0")]
    public string To { get; init; } = string.Empty;
}

/// <summary><c>grounded prompts promote</c>'s options.</summary>
internal sealed class PromptPromoteSettings : PromptsSettings
{
    [CommandArgument(0, "<ID@VERSION>")]
    [Description("The version to make active")]
    public string Reference { get; init; } = string.Empty;

    [CommandOption("--env <ENV>")]
    [Description("The environment, e.g. production or staging (required)")]
    public string? Environment { get; init; }

    [CommandOption("--force")]
    [Description("Promote even when the evaluation gate refuses (recorded as forced)")]
    public bool Force { get; init; }

    [CommandOption("--tolerance <T>")]
    [Description("How far below the active version's score the candidate may be. Default: 0.02")]
    public double Tolerance { get; init; } = Hosting.Prompts.PromptPromotion.DefaultTolerance;
}

/// <summary>The options of <c>grounded prompts rollback</c> and <c>history</c>: one prompt id and an environment.</summary>
internal sealed class PromptIdSettings : PromptsSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The prompt's id, e.g. grounded-answer")]
    public string Id { get; init; } = string.Empty;

    [CommandOption("--env <ENV>")]
    [Description("The environment (rollback: required; history: default all)")]
    public string? Environment { get; init; }
}
