using System.ComponentModel;
using Grounded.Access;
using Grounded.Agents;
using Grounded.Agents.Definitions;
using Grounded.Agents.Loop;
using Grounded.Cli.Output;
using Spectre.Console;

namespace Grounded.Cli.Commands;

[Description("Run an agent on a task: the model calls tools until it answers, a cap stops it, or a call waits for approval")]
internal sealed class AgentRunCommand : GroundedCommand<AgentRunSettings>
{
    protected override async Task<int> RunAsync(AgentRunSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Agent))
        {
            throw new UserInputException("--agent is required: the agent file to run (agents/NAME.yaml)");
        }

        await using var stack = OpenStack(settings);
        var run = await stack.Agents.StartAsync(settings.Agent, settings.Task, CallerIdentity.Local, cancellationToken).ConfigureAwait(false);
        return AgentOutput.Show(run, settings.Json);
    }
}

[Description("Approve what a paused run waits on (a tool call or a held answer) and let it go on")]
internal sealed class AgentApproveCommand : AgentDecisionCommand
{
    protected override bool Approve => true;
}

[Description("Reject what a paused run waits on: the run ends with exitReason rejected")]
internal sealed class AgentRejectCommand : AgentDecisionCommand
{
    protected override bool Approve => false;
}

/// <summary>A person's decision on a paused run, audited as the local user.</summary>
internal abstract class AgentDecisionCommand : GroundedCommand<AgentRunIdSettings>
{
    protected abstract bool Approve { get; }

    protected override async Task<int> RunAsync(AgentRunIdSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings);
        var run = await stack.Agents.DecideAsync(settings.RunId, Approve, AgentActions.Operator(settings.Tenant), PromptActions.Origin, cancellationToken).ConfigureAwait(false)
            ?? throw new UserInputException($"no agent run '{settings.RunId}' in this store (grounded agent list shows the runs)");
        return AgentOutput.Show(run, settings.Json);
    }
}

[Description("Print a run's transcript: each model call, tool call (arguments, result, sizes, time, cost) and decision")]
internal sealed class AgentTraceCommand : GroundedCommand<AgentRunIdSettings>
{
    protected override async Task<int> RunAsync(AgentRunIdSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings);
        var run = await stack.Agents.GetAsync(settings.RunId, AgentActions.Operator(settings.Tenant), cancellationToken).ConfigureAwait(false)
            ?? throw new UserInputException($"no agent run '{settings.RunId}' in this store (grounded agent list shows the runs)");
        if (settings.Json)
        {
            JsonOutput.Write(run);
        }
        else
        {
            AgentOutput.Transcript(run);
        }

        return ExitCodes.Success;
    }
}

[Description("List agent runs, newest first")]
internal sealed class AgentListCommand : GroundedCommand<AgentListSettings>
{
    protected override async Task<int> RunAsync(AgentListSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Status is { } status && !AgentRunStatus.IsKnown(status))
        {
            throw new UserInputException($"--status must be running, completed, waiting_approval or failed (got '{status}')");
        }

        if (settings.Limit is < 1 or > AgentRunStatus.MaxListed)
        {
            throw new UserInputException($"--limit must be between 1 and 1000 (got {settings.Limit})");
        }

        await using var stack = OpenStack(settings);
        var runs = await stack.Agents.ListAsync(AgentActions.Operator(settings.Tenant), settings.Status, settings.Limit, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new { data = runs.Select(r => new { r.RunId, r.Agent, r.Status, r.ExitReason, r.Task, r.CostUsd, steps = r.Steps.Count, r.CreatedAt }) });
            return ExitCodes.Success;
        }

        foreach (var run in runs)
        {
            CliConsole.Out.MarkupLine(Markup.Escape($"{run.RunId}  {run.Agent,-16} {run.Status,-16} {run.ExitReason ?? "-",-14} {run.CreatedAt:yyyy-MM-dd HH:mm}  {run.Task}"));
        }

        return ExitCodes.Success;
    }
}

/// <summary>What the run verbs share: who acts on the runs.</summary>
internal static class AgentActions
{
    /// <summary>The local operator acting on <paramref name="tenant"/>'s runs (the CLI on the server's machine is admin of every tenant).</summary>
    public static CallerIdentity Operator(string? tenant) => string.IsNullOrWhiteSpace(tenant) ? CallerIdentity.Local : CallerIdentity.Local with { Tenant = tenant };
}
