using System.Diagnostics;
using System.Text.Json;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Grounded.Gateway.Context;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Loop;

/// <summary>
/// The loop of one run: run the pending tool calls, then ask the model (one Agent Framework call, one model call), until the
/// model answers or a cap stops it. Every cap is checked before the work it limits, so a run never makes the model call or
/// the tool call that would pass it; the run is saved after each round of tool calls and when it pauses or ends, so it can
/// pause for approval and go on anywhere.
/// </summary>
internal sealed class AgentLoop(AgentRuntimeOptions options, AgentDefinition definition, string instructions, string? promptReference, ToolCatalog tools, AgentRunState state, Func<AgentRunState, CancellationToken, Task> save)
{
    private readonly AgentCaps _caps = definition.Caps;
    private readonly int _outputLimit = options.OutputLimit(definition.Model, definition.Caps.MaxOutputTokens);
    // One Agent Framework agent for the whole loop: each step is one call of it (with that step's gateway context in its options).
    private readonly ChatClientAgent _agent = new(options.Chat, new ChatClientAgentOptions { Name = definition.Name, Description = definition.Description, UseProvidedChatClientAsIs = true });

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var activity = AgentTelemetry.StartRun(state.Run);
        var started = options.Time.GetTimestamp();
        var already = state.ActiveMs;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var left = _caps.Timeout - TimeSpan.FromMilliseconds(already);
        limit.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1));
        try
        {
            await StepsAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            End(AgentExitReason.Timeout, $"the run took longer than its {_caps.Timeout.TotalSeconds:0.###}s timeout (caps.timeout)");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away (Ctrl-C): the run ends, recorded as such, rather than staying "running" in the store for ever.
            End(AgentExitReason.Error, "the run was cancelled by its caller");
            await save(state, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            End(AgentExitReason.Error, ToolResults.OneLine(e.Message));
        }
        finally
        {
            state.ActiveMs = already + (long)options.Time.GetElapsedTime(started).TotalMilliseconds;
            activity?.SetTag("grounded.agent.status", state.Run.Status);
            activity?.SetTag("grounded.agent.exit_reason", state.Run.ExitReason);
        }

        await save(state, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task StepsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = state.PendingCalls();
            foreach (var call in pending)
            {
                if (!await ToolStepAsync(call, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            if (pending.Count > 0)
            {
                // One save per round of tool calls (not per call, nor per model call): progress is visible to readers of the
                // run while the store's writes stay the smaller part of a step. A pause or the end saves in RunAsync.
                await save(state, cancellationToken).ConfigureAwait(false);
            }

            if (state.Run.Usage.ModelCalls >= _caps.MaxSteps)
            {
                EndAtMaxSteps();
                return;
            }

            var conversation = Conversation();
            var estimate = options.EstimateCost?.Invoke(definition.Model, conversation, _outputLimit) ?? 0;
            if (state.Run.CostUsd + estimate > _caps.MaxUsd || (_caps.MaxUsd > 0 && state.Run.CostUsd >= _caps.MaxUsd))
            {
                End(AgentExitReason.MaxCost, $"the next model call could cost ${estimate:0.######} and the run has ${_caps.MaxUsd - state.Run.CostUsd:0.######} left of caps.maxUsd ${_caps.MaxUsd}");
                return;
            }

            var response = await ModelStepAsync(conversation, cancellationToken).ConfigureAwait(false);
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count > 0)
            {
                if (state.Run.Usage.ModelCalls >= _caps.MaxSteps)
                {
                    EndAtMaxSteps();
                    return;
                }

                continue;
            }

            await FinishAsync(response.Text, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    private async Task<AgentResponse> ModelStepAsync(List<ChatMessage> conversation, CancellationToken cancellationToken)
    {
        var context = new GatewayContext("agent") { Identity = state.Caller, RequestedModel = definition.Model, PromptId = promptReference };
        var chat = context.AttachTo(new ChatOptions
        {
            ModelId = definition.Model, MaxOutputTokens = _outputLimit,
            Tools = [.. tools.Tools.Select(t => (AITool)t.Function)], ToolMode = tools.Tools.Count > 0 ? ChatToolMode.Auto : null,
            AllowMultipleToolCalls = tools.Tools.Count > 0 ? true : null,
        });
        var started = options.Time.GetTimestamp();
        var response = await _agent.RunAsync(conversation, session: null, new ChatClientAgentRunOptions(chat), cancellationToken).ConfigureAwait(false);
        var elapsed = options.Time.GetElapsedTime(started);
        options.RecordUsage?.Invoke(context, elapsed);
        state.Messages.AddRange(response.Messages);
        var usage = context.Usage ?? response.Usage;
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.Name).ToList();
        Add(new AgentStep(0, AgentStepKinds.Model)
        {
            Ms = (long)elapsed.TotalMilliseconds, Usd = context.Cost, Model = context.ServedBy ?? definition.Model, Calls = calls.Count > 0 ? calls : null,
            Text = calls.Count > 0 && string.IsNullOrEmpty(response.Text) ? null : response.Text,
        }, context.Cost, usage, model: true);
        return response;
    }

    // Runs one pending call; false when the run stops (paused for approval, or a cap).
    private async Task<bool> ToolStepAsync(FunctionCallContent call, CancellationToken cancellationToken)
    {
        tools.ByName.TryGetValue(call.Name, out var tool);
        var arguments = Arguments(call);
        if (tool is { RequiresApproval: true } && !state.Approved.Contains(call.CallId))
        {
            state.Run = state.Run with
            {
                Status = AgentRunStatus.WaitingApproval, UpdatedAt = options.Time.GetUtcNow(),
                Pending = new PendingApproval(PendingApproval.ToolCall, $"{call.Name} requires a person's approval before it runs") { CallId = call.CallId, Tool = call.Name, Arguments = arguments },
            };
            return false;
        }

        if (RepeatedCalls.Count(state.Messages, call) + 1 >= _caps.MaxRepeats && tool is not null)
        {
            End(AgentExitReason.RepeatedCall, $"the model asked for {call.Name} with the same arguments {_caps.MaxRepeats} times (caps.maxRepeats)");
            return false;
        }

        var usd = tool?.UsdPerCall ?? 0;
        if (usd > 0 && state.Run.CostUsd + usd > _caps.MaxUsd)
        {
            End(AgentExitReason.MaxCost, $"{call.Name} costs ${usd} a call and the run has ${_caps.MaxUsd - state.Run.CostUsd:0.######} left of caps.maxUsd ${_caps.MaxUsd}");
            return false;
        }

        state.Approved.Remove(call.CallId); // an approval covers this call only, even where a provider reuses call ids
        var started = options.Time.GetTimestamp();
        var outcome = await ToolInvoker.InvokeAsync(tool, call, arguments, _caps, tools.ByName.Keys, cancellationToken).ConfigureAwait(false);
        state.Messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, outcome.Result)]));
        Add(new AgentStep(0, AgentStepKinds.Tool)
        {
            Tool = call.Name, Arguments = arguments, Ms = (long)options.Time.GetElapsedTime(started).TotalMilliseconds, Usd = outcome.Error is null ? usd : 0,
            Result = outcome.Result, ArgumentBytes = outcome.ArgumentBytes, ResultBytes = outcome.ResultBytes, Error = outcome.Error,
        }, outcome.Error is null ? usd : 0, null, model: false);
        return true;
    }

    private async Task FinishAsync(string answer, CancellationToken cancellationToken)
    {
        if (definition.MinConfidence is { } threshold && options.Confidence is { } score)
        {
            var evidence = state.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString() ?? string.Empty).ToList();
            var confidence = await score(answer, evidence, cancellationToken).ConfigureAwait(false);
            if (confidence < threshold)
            {
                state.Run = state.Run with
                {
                    Status = AgentRunStatus.WaitingApproval, UpdatedAt = options.Time.GetUtcNow(),
                    Pending = new PendingApproval(PendingApproval.HeldAnswer, $"the answer's grounding confidence {confidence:0.00} is below approval.minConfidence {threshold:0.00}") { Answer = answer, Confidence = Math.Round(confidence, 4) },
                };
                return;
            }
        }

        state.Run = state.Run with { Answer = answer, Status = AgentRunStatus.Completed, ExitReason = AgentExitReason.Completed, UpdatedAt = options.Time.GetUtcNow(), Pending = null };
    }

    private void EndAtMaxSteps() => End(AgentExitReason.MaxSteps, $"the run made {_caps.MaxSteps} model calls without a final answer (caps.maxSteps)");

    private void End(string reason, string message) =>
        state.Run = state.Run with
        {
            Status = reason == AgentExitReason.Completed ? AgentRunStatus.Completed : AgentRunStatus.Failed, ExitReason = reason, Error = message,
            UpdatedAt = options.Time.GetUtcNow(), Pending = null,
        };

    private void Add(AgentStep step, decimal usd, UsageDetails? usage, bool model)
    {
        var run = state.Run;
        state.Run = run with
        {
            Steps = [.. run.Steps, step with { N = run.Steps.Count + 1 }],
            CostUsd = run.CostUsd + usd,
            Usage = run.Usage + new AgentUsage(usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, model ? 1 : 0, model ? 0 : 1),
            UpdatedAt = options.Time.GetUtcNow(),
        };
    }

    // What each model call is sent: the instructions, then the conversation so far.
    private List<ChatMessage> Conversation() => [new(ChatRole.System, instructions), .. state.Messages];

    private static JsonElement? Arguments(FunctionCallContent call) =>
        call.Arguments is null ? null : JsonSerializer.SerializeToElement(call.Arguments, AIJsonUtilities.DefaultOptions);
}
