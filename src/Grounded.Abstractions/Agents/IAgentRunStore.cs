namespace Grounded.Agents;

/// <summary>Agent runs, kept beside the keys so that a run waiting for approval survives a restart and any replica can resume it.</summary>
public interface IAgentRunStore
{
    /// <summary>
    /// Writes <paramref name="run"/> if the stored run is still at <paramref name="expectedVersion"/> (0: no run with that id may
    /// exist yet), storing it with version <c>expectedVersion + 1</c>. Returns false, writing nothing, when another writer got there
    /// first: two approvals of one run cannot both resume it.
    /// </summary>
    Task<bool> SaveAgentRunAsync(AgentRunRecord run, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Returns the run with id <paramref name="id"/>, or null.</summary>
    Task<AgentRunRecord?> GetAgentRunAsync(string id, CancellationToken cancellationToken);

    /// <summary>Returns the runs of <paramref name="tenant"/> (all tenants when null), with <paramref name="status"/> when not null, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AgentRunRecord>> ListAgentRunsAsync(string? tenant, string? status, int limit, CancellationToken cancellationToken);
}
