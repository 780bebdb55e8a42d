using Grounded.Agents;

namespace Grounded.Rag.Access;

// Placeholder while the agent-run tables are written (replaced in the same issue, before it is resolved).
public sealed partial class SqliteAccessStore
{
    public Task<bool> SaveAgentRunAsync(AgentRunRecord run, long expectedVersion, CancellationToken cancellationToken) => throw new NotSupportedException("agent runs are not stored yet");

    public Task<AgentRunRecord?> GetAgentRunAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException("agent runs are not stored yet");

    public Task<IReadOnlyList<AgentRunRecord>> ListAgentRunsAsync(string? tenant, string? status, int limit, CancellationToken cancellationToken) => throw new NotSupportedException("agent runs are not stored yet");
}
