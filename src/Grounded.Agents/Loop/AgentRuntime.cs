using System.Security.Cryptography;
using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Grounded.Agents.Workflows;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Loop;

/// <summary>
/// Runs agents: starts a run from an agent file and a task, resumes a paused one when a person approves or rejects it (from any
/// process sharing the store: runs live there, not in memory), and reads runs back. One per stack.
/// </summary>
public sealed class AgentRuntime(AgentRuntimeOptions options)
{
    /// <summary>Starts a run of the agent in <paramref name="agentFile"/> on <paramref name="task"/>, acting for <paramref name="caller"/>, and runs it until it ends or pauses.</summary>
    /// <exception cref="AgentDefinitionException">The file is invalid, names an unknown model, or its tools cannot be built (every problem listed).</exception>
    public Task<AgentRun> StartAsync(string agentFile, string task, CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentFile);
        if (!File.Exists(agentFile))
        {
            throw new AgentDefinitionException($"{agentFile}: no such agent file");
        }

        return StartAsync(File.ReadAllText(agentFile), Path.GetFullPath(agentFile), task, caller, cancellationToken);
    }

    /// <summary>Starts a run of the agent <paramref name="agentYaml"/> defines (relative paths read from <paramref name="agentFile"/>'s folder).</summary>
    public async Task<AgentRun> StartAsync(string agentYaml, string? agentFile, string task, CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(task))
        {
            throw new AgentDefinitionException("the task is empty: say what the agent should do");
        }

        var definition = Parse(agentYaml, agentFile);
        var now = options.Time.GetUtcNow();
        var state = new AgentRunState
        {
            Run = new AgentRun { RunId = NewId(), Agent = definition.Name, Task = task, Tenant = caller.Tenant, CreatedAt = now, UpdatedAt = now },
            AgentYaml = agentYaml, AgentFile = agentFile, Caller = caller, Messages = [new ChatMessage(ChatRole.User, task)],
        };
        var (instructions, reference) = await InstructionsAsync(definition, cancellationToken).ConfigureAwait(false);
        if (definition.Workflow is not null)
        {
            var specialists = await SpecialistsAsync(definition, cancellationToken).ConfigureAwait(false);
            await SaveAsync(state, cancellationToken).ConfigureAwait(false);
            try
            {
                await new WorkflowRun(options, definition, instructions, state, (d, ct) => ToolsAsync(d, caller, d.SourceFile, ct)).RunAsync(specialists, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await SaveAsync(state, CancellationToken.None).ConfigureAwait(false); // a cancelled run is saved as ended too
            }

            return state.Run;
        }

        await using var tools = await ToolsAsync(definition, caller, agentFile, cancellationToken).ConfigureAwait(false);
        await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        await new AgentLoop(options, definition, instructions, reference, tools, state, SaveAsync).RunAsync(cancellationToken).ConfigureAwait(false);
        return state.Run;
    }

    /// <summary>
    /// Approves or rejects what the run <paramref name="runId"/> waits on, as <paramref name="actor"/>, and audits the decision.
    /// Approved: the tool call runs (or the held answer is released) and the run goes on. Rejected: the run ends (<c>rejected</c>).
    /// Returns null when the actor's tenant has no such run.
    /// </summary>
    /// <exception cref="AgentRunConflictException">The run is not waiting for approval, or another decision was taken first.</exception>
    public async Task<AgentRun?> DecideAsync(string runId, bool approve, CallerIdentity actor, string origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var store = await options.Store(cancellationToken).ConfigureAwait(false);
        if (await store.GetAgentRunAsync(runId, cancellationToken).ConfigureAwait(false) is not { } record || AgentRunState.FromRecord(record) is not { } state || !Visible(state, actor))
        {
            return null;
        }

        if (state.Run.Status != AgentRunStatus.WaitingApproval || state.Run.Pending is not { } pending)
        {
            throw new AgentRunConflictException($"run {runId} is {state.Run.Status}, not waiting for approval");
        }

        // An approved call needs its agent again: built before the decision is claimed, so that an agent that can no longer be
        // built (its model or tools gone) leaves the run waiting, with the reason, instead of claimed and stuck.
        var goesOn = approve && pending.Kind == PendingApproval.ToolCall;
        AgentDefinition? definition = null;
        (string Text, string? Reference) instructions = default;
        ToolCatalog? tools = null;
        if (goesOn)
        {
            definition = Parse(state.AgentYaml, state.AgentFile);
            instructions = await InstructionsAsync(definition, cancellationToken).ConfigureAwait(false);
            tools = await ToolsAsync(definition, state.Caller, state.AgentFile, cancellationToken).ConfigureAwait(false);
        }

        await using var owned = tools;
        var decision = approve ? "approved" : "rejected";
        var now = options.Time.GetUtcNow();
        var step = new AgentStep(state.Run.Steps.Count + 1, AgentStepKinds.Approval) { Tool = pending.Tool, Arguments = pending.Arguments, Decision = decision, Actor = actor.KeyId };
        state.Run = state.Run with { Steps = [.. state.Run.Steps, step], Pending = null, Status = AgentRunStatus.Running, UpdatedAt = now };
        if (!approve)
        {
            state.Run = state.Run with { Status = AgentRunStatus.Failed, ExitReason = AgentExitReason.Rejected, Error = $"{actor.KeyId} rejected {(pending.Tool is null ? "the answer" : pending.Tool)}" };
        }
        else if (!goesOn)
        {
            state.Run = state.Run with { Status = AgentRunStatus.Completed, ExitReason = AgentExitReason.Completed, Answer = pending.Answer };
        }
        else
        {
            state.Approved.Add(pending.CallId!);
        }

        await SaveAsync(state, cancellationToken).ConfigureAwait(false); // claims the decision: a second one finds the version moved
        await store.AppendAsync(new AuditEntry(now, actor.KeyId, state.Run.Tenant, $"agent.{decision}", runId, origin)
        {
            Detail = pending.Tool is null ? $"answer of {state.Run.Agent}" : $"{pending.Tool} of {state.Run.Agent}",
        }, cancellationToken).ConfigureAwait(false);
        if (goesOn)
        {
            await new AgentLoop(options, definition!, instructions.Text!, instructions.Reference, tools!, state, SaveAsync).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return state.Run;
    }

    /// <summary>
    /// Checks the agent file at <paramref name="agentFile"/> as a run would before it starts (fields, caps, model, duplicate tools,
    /// a workflow's specialists), without building its tools; returns every problem, none when it is fine.
    /// </summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string agentFile, CancellationToken cancellationToken = default)
    {
        try
        {
            var definition = Parse(await File.ReadAllTextAsync(agentFile, cancellationToken).ConfigureAwait(false), Path.GetFullPath(agentFile));
            if (definition.Workflow is not null)
            {
                await SpecialistsAsync(definition, cancellationToken).ConfigureAwait(false);
            }

            return [];
        }
        catch (AgentDefinitionException e)
        {
            return e.Problems;
        }
    }

    /// <summary>
    /// Returns the run <paramref name="runId"/> if <paramref name="viewer"/> may see it, else null: a run is its tenant's, and a
    /// key limited to groups sees the runs it started and those of keys whose groups are among its own (a run's tool results
    /// may quote any document its starter may see).
    /// </summary>
    public async Task<AgentRun?> GetAsync(string runId, CallerIdentity viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var store = await options.Store(cancellationToken).ConfigureAwait(false);
        return await store.GetAgentRunAsync(runId, cancellationToken).ConfigureAwait(false) is { } record && AgentRunState.FromRecord(record) is var state && Visible(state, viewer)
            ? state.Run : null;
    }

    /// <summary>Returns the runs <paramref name="viewer"/> may see, with <paramref name="status"/> when not null, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<AgentRun>> ListAsync(CallerIdentity viewer, string? status, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var store = await options.Store(cancellationToken).ConfigureAwait(false);
        return [.. (await store.ListAgentRunsAsync(viewer.Tenant, status, limit, cancellationToken).ConfigureAwait(false))
            .Select(AgentRunState.FromRecord).Where(s => Visible(s, viewer)).Select(s => s.Run)];
    }

    /// <summary>
    /// Ends the runs a stopped process left running: a run still <c>running</c> well after its timeout (a run cannot be running
    /// for longer than that since its last save) is recorded as failed, <c>error</c>. Returns how many. Any replica may call it.
    /// </summary>
    public async Task<int> EndAbandonedAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var store = await options.Store(cancellationToken).ConfigureAwait(false);
        var now = options.Time.GetUtcNow();
        var ended = 0;
        foreach (var record in await store.ListAgentRunsAsync(null, AgentRunStatus.Running, AgentRunStatus.MaxListed, cancellationToken).ConfigureAwait(false))
        {
            var state = AgentRunState.FromRecord(record);
            var timeout = AgentFileReader.Read(state.AgentYaml, "agent", []) is { } definition ? definition.Caps.Timeout : new AgentCaps().Timeout;
            if (record.UpdatedAt + timeout + grace > now)
            {
                continue;
            }

            state.Run = state.Run with { Status = AgentRunStatus.Failed, ExitReason = AgentExitReason.Error, Error = "the process running it stopped before it ended", UpdatedAt = now };
            ended += await store.SaveAgentRunAsync(state.ToRecord(), state.Version, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return ended;
    }

    // A run shows what its tools read for the identity it acts as: a viewer of the tenant sees it when that identity could see
    // no more than the viewer can (no groups beyond the viewer's), or when the viewer started it.
    private static bool Visible(AgentRunState state, CallerIdentity viewer) =>
        state.Run.Tenant == viewer.Tenant
        && (viewer.Groups is null || viewer.KeyId == state.Caller.KeyId || (state.Caller.Groups is { } groups && groups.All(viewer.Groups.Contains)));

    private AgentDefinition Parse(string yaml, string? file)
    {
        var (text, missing) = AgentFileVariables.Expand(yaml, System.Environment.GetEnvironmentVariable);
        if (missing.Count > 0)
        {
            throw new AgentDefinitionException(AgentFileVariables.Problem(file ?? "agent", missing));
        }

        var problems = new List<string>();
        var definition = AgentFileReader.Read(text, file ?? "agent", problems);
        if (definition is not null)
        {
            Check(definition, file ?? "agent", problems);
        }

        return problems.Count > 0 || definition is null ? throw new AgentDefinitionException(problems) : definition with { SourceFile = file };
    }

    private void Check(AgentDefinition definition, string file, List<string> problems)
    {
        if (!options.IsModel(definition.Model))
        {
            problems.Add($"{file}: model '{definition.Model}' is neither a configured model nor a route");
        }

        problems.AddRange(definition.Tools.OfType<BuiltInToolSpec>().GroupBy(t => t.Name).Where(g => g.Count() > 1)
            .Select(g => $"{file}: line {g.Last().Line}: the tool '{g.Key}' is listed more than once"));
    }

    // A workflow's specialists, each read from its file (relative to the orchestrator's) and checked like an agent; a specialist
    // cannot wait for approval (nothing would resume the workflow) nor be a workflow itself.
    private async Task<List<(AgentDefinition, string)>> SpecialistsAsync(AgentDefinition orchestrator, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (WaitsForApproval(orchestrator))
        {
            problems.Add($"{orchestrator.SourceFile ?? orchestrator.Name}: a workflow's orchestrator cannot wait for approval (nothing would resume the workflow)");
        }

        var specialists = new List<(AgentDefinition, string)>();
        var folder = Path.GetDirectoryName(orchestrator.SourceFile) ?? Directory.GetCurrentDirectory();
        foreach (var name in orchestrator.Workflow!.Agents)
        {
            var path = Path.GetFullPath(Path.Combine(folder, name));
            try
            {
                // Read as any agent is (its variables filled, its model and tools checked), then as a specialist.
                var specialist = File.Exists(path)
                    ? Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path)
                    : throw new AgentDefinitionException($"{name}: no such agent file");
                if (specialist.Workflow is not null || WaitsForApproval(specialist))
                {
                    problems.Add($"{name}: a specialist cannot be a workflow or wait for approval (run it alone for that)");
                    continue;
                }

                specialists.Add((specialist, (await InstructionsAsync(specialist, cancellationToken).ConfigureAwait(false)).Text));
            }
            catch (AgentDefinitionException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        return problems.Count > 0 ? throw new AgentDefinitionException(problems) : specialists;
    }

    private static bool WaitsForApproval(AgentDefinition definition) =>
        definition.MinConfidence is not null || definition.Tools.Any(t => t.RequiresApproval || t is OpenApiToolSpec { ApprovalFor.Count: > 0 });

    private async Task<(string Text, string? Reference)> InstructionsAsync(AgentDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.InstructionsPrompt is not { } prompt)
        {
            return (definition.Instructions, null);
        }

        if (options.Instructions is null)
        {
            throw new AgentDefinitionException($"{definition.Name}: instructions come from the prompt {prompt}, and no prompt registry is available here");
        }

        return await options.Instructions(prompt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ToolCatalog> ToolsAsync(AgentDefinition definition, CallerIdentity caller, string? file, CancellationToken cancellationToken)
    {
        var environment = options.Environment(caller);
        if (file is not null)
        {
            environment = environment with { BaseDirectory = Path.GetDirectoryName(file) ?? environment.BaseDirectory };
        }

        // Reading OpenAPI documents and connecting to MCP servers is bounded by the run's own timeout: a hung server fails the start.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(definition.Caps.Timeout);
        ToolCatalog catalog;
        try
        {
            catalog = await ToolCatalog.CreateAsync(definition, environment, limit.Token).ConfigureAwait(false);
        }
        catch (ToolLoadException e)
        {
            throw new AgentDefinitionException($"{file ?? definition.Name}: {e.Message}", e);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AgentDefinitionException($"{file ?? definition.Name}: its tools could not be loaded within caps.timeout ({definition.Caps.Timeout.TotalSeconds:0.###}s): an OpenAPI document or MCP server did not answer");
        }

        // Two sources offering one name (a built-in and an MCP tool, two OpenAPI documents) would leave the model unable to say which.
        if (catalog.Tools.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList() is { Count: > 0 } clashes)
        {
            await catalog.DisposeAsync().ConfigureAwait(false);
            throw new AgentDefinitionException($"{file ?? definition.Name}: more than one tool is named {string.Join(", ", clashes)}; narrow the sources with allow:");
        }

        return catalog;
    }

    private async Task SaveAsync(AgentRunState state, CancellationToken cancellationToken)
    {
        var store = await options.Store(cancellationToken).ConfigureAwait(false);
        if (!await store.SaveAgentRunAsync(state.ToRecord(), state.Version, cancellationToken).ConfigureAwait(false))
        {
            throw new AgentRunConflictException($"run {state.Run.RunId} was changed by another decision first; read it again");
        }

        state.Version++;
    }

    private static string NewId() => "run_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
