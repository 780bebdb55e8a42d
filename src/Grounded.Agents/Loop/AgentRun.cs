using System.Text.Json.Serialization;

namespace Grounded.Agents.Loop;

/// <summary>
/// One run of an agent as the CLI (<c>grounded agent run --json</c>) and the server (<c>/v1/agent-runs</c>) show it: where it
/// stands, why it ended, its answer, every step with its time and cost, and the run's usage.
/// </summary>
public sealed record AgentRun
{
    /// <summary>Gets the run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the agent's name.</summary>
    public required string Agent { get; init; }

    /// <summary>Gets the task the run was given.</summary>
    public required string Task { get; init; }

    /// <summary>Gets where the run stands (<see cref="AgentRunStatus"/>).</summary>
    public string Status { get; init; } = AgentRunStatus.Running;

    /// <summary>Gets why it ended (<see cref="AgentExitReason"/>); null while it runs or waits.</summary>
    public string? ExitReason { get; init; }

    /// <summary>Gets the final answer; null until there is one.</summary>
    public string? Answer { get; init; }

    /// <summary>Gets what failed, in one line, when <see cref="ExitReason"/> is <c>error</c> (or what stopped it, for a cap).</summary>
    public string? Error { get; init; }

    /// <summary>Gets the steps, in order: model calls, tool calls and approval decisions.</summary>
    public IReadOnlyList<AgentStep> Steps { get; init; } = [];

    /// <summary>Gets the tokens and calls of the whole run.</summary>
    public AgentUsage Usage { get; init; } = new();

    /// <summary>Gets the dollars the run spent: model calls, embeddings and paid tools.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Gets the call or answer waiting for approval, while <see cref="Status"/> is <c>waiting_approval</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PendingApproval? Pending { get; init; }

    /// <summary>Gets the tenant whose caller started the run.</summary>
    public string Tenant { get; init; } = Grounded.Access.Tenants.Default;

    /// <summary>Gets when the run started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
