namespace Grounded.Agents;

/// <summary>
/// One agent run as a store keeps it: the columns it is found by, and the whole run (its steps, its conversation so far and the
/// agent it runs) as one JSON document that only the agent runtime reads. <see cref="Version"/> makes every write conditional.
/// </summary>
/// <param name="Id">The run's id (<c>run_…</c>).</param>
/// <param name="Tenant">The tenant whose caller started it; only that tenant sees it.</param>
/// <param name="Agent">The agent's name.</param>
/// <param name="Status">Where it stands (<see cref="AgentRunStatus"/>).</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="UpdatedAt">When it was last written.</param>
/// <param name="Version">How many times it was written: 1 after the first write.</param>
/// <param name="Document">The run, as the runtime serialized it.</param>
public sealed record AgentRunRecord(string Id, string Tenant, string Agent, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version, string Document);
