using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded agent run</c>'s options.</summary>
internal sealed class AgentRunSettings : StoreSettings
{
    [CommandOption("--agent <FILE>")]
    [Description("The agent file (agents/NAME.yaml): instructions, model, tools, caps, approval rules")]
    public string? Agent { get; init; }

    [CommandArgument(0, "<TASK>")]
    [Description("What the agent should do, in quotes")]
    public string Task { get; init; } = string.Empty;
}

/// <summary><c>grounded agent lint</c>'s options.</summary>
internal sealed class AgentLintSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The agent file to check")]
    public string File { get; init; } = string.Empty;
}

/// <summary>The options of the verbs that act on one run (<c>trace</c>, <c>approve</c>, <c>reject</c>).</summary>
internal sealed class AgentRunIdSettings : StoreSettings
{
    [CommandArgument(0, "<RUN_ID>")]
    [Description("The run's id (run_...), as agent run printed it")]
    public string RunId { get; init; } = string.Empty;

    [CommandOption("--tenant <TENANT>")]
    [Description("The tenant whose run it is (a run started through the server by another tenant's key). Default: default")]
    public string? Tenant { get; init; }
}

/// <summary><c>grounded agent list</c>'s options.</summary>
internal sealed class AgentListSettings : StoreSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Only runs with this status: running, completed, waiting_approval or failed")]
    public string? Status { get; init; }

    [CommandOption("--tenant <TENANT>")]
    [Description("List this tenant's runs (runs started through the server by its keys). Default: default")]
    public string? Tenant { get; init; }

    [CommandOption("--limit <N>")]
    [Description("The most runs to list, newest first. Default: 20")]
    public int Limit { get; init; } = 20;
}
