using Grounded.Agents.Definitions;
using Grounded.Agents.Loop;
using Grounded.Agents.Tools;
using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Workflows;

/// <summary>
/// A multi-agent run: an orchestrator's specialists as Agent Framework agents, in a sequential or concurrent workflow, or as
/// tools the orchestrator hands the task to (<c>handoff</c>). Every specialist runs its own capped tool loop; their steps and
/// spend add up in the one run, and the orchestrator's caps bound the whole (a specialist gets what the run has left).
/// </summary>
internal sealed class WorkflowRun(AgentRuntimeOptions options, AgentDefinition orchestrator, string instructions, AgentRunState state, Func<AgentDefinition, CancellationToken, Task<ToolCatalog>> tools)
{
    private readonly Lock _gate = new();
    private int _share = 1;
    private (string Reason, string Message)? _stopped;

    public async Task RunAsync(IReadOnlyList<(AgentDefinition Definition, string Instructions)> specialists, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(orchestrator.Caps.Timeout);
        var started = options.Time.GetTimestamp();
        try
        {
            var agents = specialists.Select(s => new ChatClientAgent(new SpecialistClient(this, s.Definition, s.Instructions),
                new ChatClientAgentOptions { Name = s.Definition.Name, Description = s.Definition.Description, UseProvidedChatClientAsIs = true })).ToList();
            var answer = orchestrator.Workflow!.Mode switch
            {
                WorkflowModes.Concurrent => await ConcurrentAsync(agents, limit.Token).ConfigureAwait(false),
                WorkflowModes.Handoff => await HandoffAsync(agents, limit.Token).ConfigureAwait(false),
                _ => await SequentialAsync(agents, limit.Token).ConfigureAwait(false),
            };
            Finish(_stopped is null ? AgentExitReason.Completed : _stopped.Value.Reason, _stopped?.Message, _stopped is null ? answer : null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Finish(AgentExitReason.Timeout, $"the run took longer than its {orchestrator.Caps.Timeout.TotalSeconds:0.###}s timeout (caps.timeout)", null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Finish(_stopped?.Reason ?? AgentExitReason.Error, _stopped?.Message ?? ToolResults.OneLine(e.Message), null);
        }

        state.ActiveMs = (long)options.Time.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Runs one specialist's loop on <paramref name="messages"/>, within what the run has left, and adds its steps to the run; returns its answer.</summary>
    public async Task<string> RunSpecialistAsync(AgentDefinition definition, string instructions, List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        AgentCaps caps;
        lock (_gate)
        {
            var left = (Steps: orchestrator.Caps.MaxSteps - state.Run.Usage.ModelCalls, Usd: orchestrator.Caps.MaxUsd - state.Run.CostUsd);
            if (_stopped is not null || left.Steps <= 0 || left.Usd <= 0)
            {
                throw Stop(left.Steps <= 0 ? AgentExitReason.MaxSteps : AgentExitReason.MaxCost, $"the run had nothing left of its caps for {definition.Name}");
            }

            // In a concurrent workflow each specialist gets an equal share, so together they cannot pass the run's caps.
            var steps = Math.Min(definition.Caps.MaxSteps, left.Steps / _share);
            if (steps < 1)
            {
                throw Stop(AgentExitReason.MaxSteps, $"the run's caps.maxSteps leaves less than one model call for {definition.Name}");
            }

            caps = definition.Caps with { MaxSteps = steps, MaxUsd = Math.Min(definition.Caps.MaxUsd, left.Usd / _share) };
        }

        var own = new AgentRunState
        {
            Run = state.Run with { Agent = definition.Name, Steps = [], Usage = new AgentUsage(), CostUsd = 0, Status = AgentRunStatus.Running },
            AgentYaml = string.Empty, Caller = state.Caller, Messages = messages,
        };
        try
        {
            await using var catalog = await tools(definition, cancellationToken).ConfigureAwait(false);
            await new AgentLoop(options, definition with { Caps = caps }, instructions, null, catalog, own, (_, _) => Task.CompletedTask).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Merge(own.Run, definition.Name); // what it spent counts, whatever stopped it
        }

        return own.Run.ExitReason == AgentExitReason.Completed
            ? own.Run.Answer ?? string.Empty
            : throw Stop(own.Run.ExitReason ?? AgentExitReason.Error, $"{definition.Name}: {own.Run.Error}");
    }

    private async Task<string> SequentialAsync(List<ChatClientAgent> agents, CancellationToken cancellationToken)
    {
        var output = await RunWorkflowAsync(AgentWorkflowBuilder.BuildSequential(agents), cancellationToken).ConfigureAwait(false);
        return output.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Text ?? string.Empty;
    }

    private async Task<string> ConcurrentAsync(List<ChatClientAgent> agents, CancellationToken cancellationToken)
    {
        _share = agents.Count; // at the same time: each gets its share of what is left, so together they cannot pass the caps
        var output = await RunWorkflowAsync(AgentWorkflowBuilder.BuildConcurrent(agents), cancellationToken).ConfigureAwait(false);
        return string.Join("\n\n", output.Where(m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text)).Select(m => $"{m.AuthorName}: {m.Text}"));
    }

    // The orchestrator runs as an agent whose tools are its specialists (each an Agent Framework agent as a function) and its own tools.
    private async Task<string> HandoffAsync(List<ChatClientAgent> agents, CancellationToken cancellationToken)
    {
        var handoffs = agents.Select(a => new AgentTool(a.AsAIFunction(new AIFunctionFactoryOptions
        {
            Name = "ask_" + a.Name!.Replace('-', '_'), Description = a.Description ?? $"Hand the task to {a.Name}, which answers it.",
        })) { Source = "agent", Timeout = orchestrator.Caps.Timeout }); // a specialist's whole loop, bounded by the run's timeout
        await using var own = await tools(orchestrator, cancellationToken).ConfigureAwait(false);
        await using var catalog = own.With(handoffs);
        await new AgentLoop(options, orchestrator, instructions, null, catalog, state, (_, _) => Task.CompletedTask).RunAsync(cancellationToken).ConfigureAwait(false);
        if (state.Run.ExitReason is { } reason && reason != AgentExitReason.Completed)
        {
            _stopped ??= (reason, state.Run.Error ?? reason);
        }

        return state.Run.Answer ?? string.Empty;
    }

    private async Task<List<ChatMessage>> RunWorkflowAsync(Workflow workflow, CancellationToken cancellationToken)
    {
        await using var run = await InProcessExecution.RunStreamingAsync(workflow, new List<ChatMessage>(state.Messages), cancellationToken: cancellationToken).ConfigureAwait(false);
        await run.TrySendMessageAsync(new TurnToken(emitEvents: false)).ConfigureAwait(false);
        await foreach (var e in run.WatchStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (e)
            {
                case WorkflowOutputEvent output when output.Data is List<ChatMessage> messages:
                    return messages;
                case WorkflowErrorEvent { Exception: { } error }:
                    throw error;
                case ExecutorFailedEvent { Data: Exception error }:
                    throw error;
            }
        }

        throw new InvalidOperationException("the workflow ended without an output");
    }

    private void Merge(AgentRun specialist, string name)
    {
        lock (_gate)
        {
            var run = state.Run;
            state.Run = run with
            {
                Steps = [.. run.Steps, .. specialist.Steps.Select((step, i) => step with { N = run.Steps.Count + i + 1, Agent = name })],
                CostUsd = run.CostUsd + specialist.CostUsd,
                Usage = run.Usage + specialist.Usage,
                UpdatedAt = options.Time.GetUtcNow(),
            };
        }
    }

    private WorkflowStopException Stop(string reason, string message)
    {
        lock (_gate)
        {
            _stopped ??= (reason, message);
        }

        return new WorkflowStopException(message);
    }

    private void Finish(string reason, string? error, string? answer) =>
        state.Run = state.Run with
        {
            Status = reason == AgentExitReason.Completed ? AgentRunStatus.Completed : AgentRunStatus.Failed, ExitReason = reason, Error = error, Answer = answer,
            UpdatedAt = options.Time.GetUtcNow(),
        };
}
