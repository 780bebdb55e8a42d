using Grounded.Access;
using Grounded.Agents.Tools;
using Grounded.Gateway.Context;
using Grounded.Prompts;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Loop;

/// <summary>What the agent runtime runs on: the host's gateway, store, clock and tools. The composition root fills it once.</summary>
public sealed record AgentRuntimeOptions
{
    /// <summary>Gets the gateway's client: every model call of a run goes through it (routing, caches, guards, budgets, telemetry).</summary>
    public required IChatClient Chat { get; init; }

    /// <summary>Gets the store runs are kept in (and decisions audited in); opened on first use.</summary>
    public required Func<CancellationToken, Task<IAccessStore>> Store { get; init; }

    /// <summary>Gets the clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets whether a name is a configured model or route (an agent naming neither is refused before it runs).</summary>
    public Func<string, bool> IsModel { get; init; } = _ => true;

    /// <summary>Gets the highest cost in dollars one call of a model could have with these messages and at most this many output tokens; null: not estimated.</summary>
    public Func<string, IReadOnlyList<ChatMessage>, int, decimal>? EstimateCost { get; init; }

    /// <summary>Gets the output limit a step sends a model: the agent's <c>caps.maxOutputTokens</c>, lowered to what the model (or every model of a route) can write.</summary>
    public Func<string, int, int> OutputLimit { get; init; } = (_, requested) => requested;

    /// <summary>Gets what records each model call in the usage ledger (the same ledger as every other request).</summary>
    public Action<GatewayContext, TimeSpan>? RecordUsage { get; init; }

    /// <summary>Gets what builds the tools' environment for the identity a run acts as.</summary>
    public Func<CallerIdentity, ToolEnvironment> Environment { get; init; } = caller => new ToolEnvironment(caller);

    /// <summary>Gets what turns <c>instructions: { prompt: ID }</c> into text: the registry version's system template; null: such agents are refused.</summary>
    public Func<PromptReference, CancellationToken, Task<(string Text, string Reference)>>? Instructions { get; init; }

    /// <summary>Gets what scores a final answer's grounding in the run's evidence (0 to 1), for <c>approval.minConfidence</c>; null: answers are never held.</summary>
    public Func<string, IReadOnlyList<string>, CancellationToken, Task<double>>? Confidence { get; init; }
}
