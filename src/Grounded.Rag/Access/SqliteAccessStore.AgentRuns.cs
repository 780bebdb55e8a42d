using Grounded.Agents;
using Grounded.Storage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Access;

/// <summary>Agent runs (<c>agent_runs</c>): the columns a run is found by and its document, every write conditional on the stored version.</summary>
public sealed partial class SqliteAccessStore
{
    private const string RunColumns = "id, tenant, agent, status, created_at, updated_at, version, document";

    /// <inheritdoc />
    public async Task<bool> SaveAgentRunAsync(AgentRunRecord run, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);

        // One statement each way, so the check and the write cannot be split by another writer: a taken id inserts nothing,
        // a moved version updates nothing. The id, tenant, agent and start are fixed by the first write.
        var sql = expectedVersion == 0
            ? $"INSERT INTO agent_runs({RunColumns}) VALUES ($id, $tenant, $agent, $status, $created, $updated, 1, $document) ON CONFLICT(id) DO NOTHING"
            : "UPDATE agent_runs SET status = $status, updated_at = $updated, version = $expected + 1, document = $document WHERE id = $id AND version = $expected";
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var write = Command(connection, sql);
            write.Parameters.AddWithValue("$id", run.Id);
            write.Parameters.AddWithValue("$tenant", run.Tenant);
            write.Parameters.AddWithValue("$agent", run.Agent);
            write.Parameters.AddWithValue("$status", run.Status);
            write.Parameters.AddWithValue("$created", Stamp(run.CreatedAt));
            write.Parameters.AddWithValue("$updated", Stamp(run.UpdatedAt));
            write.Parameters.AddWithValue("$expected", expectedVersion);
            write.Parameters.AddWithValue("$document", run.Document);
            return await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (SqliteException error)
        {
            throw new StoreException($"cannot save agent run '{run.Id}': {error.Message}", error);
        }
    }

    /// <inheritdoc />
    public async Task<AgentRunRecord?> GetAgentRunAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (await ReadRunsAsync($"SELECT {RunColumns} FROM agent_runs WHERE id = $id", id, null, null, 1, cancellationToken).ConfigureAwait(false))
            is [var run] ? run : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentRunRecord>> ListAgentRunsAsync(string? tenant, string? status, int limit, CancellationToken cancellationToken) =>
        ReadRunsAsync($"SELECT {RunColumns} FROM agent_runs {RunFilter(tenant, status, "$")} ORDER BY created_at DESC, id LIMIT $limit",
            null, tenant, status, Math.Max(1, limit), cancellationToken);

    // Only the filters asked for, so each list can use its index (by tenant, or by status across tenants).
    private static string RunFilter(string? tenant, string? status, string prefix) => (tenant, status) switch
    {
        (null, null) => string.Empty,
        (_, null) => $"WHERE tenant = {prefix}tenant",
        (null, _) => $"WHERE status = {prefix}status",
        _ => $"WHERE tenant = {prefix}tenant AND status = {prefix}status",
    };

    private async Task<IReadOnlyList<AgentRunRecord>> ReadRunsAsync(string sql, string? id, string? tenant, string? status, int limit, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var select = Command(connection, sql);
            select.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
            select.Parameters.AddWithValue("$tenant", (object?)tenant ?? DBNull.Value);
            select.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
            select.Parameters.AddWithValue("$limit", limit);
            var runs = new List<AgentRunRecord>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(new AgentRunRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    Parse(reader.GetString(4)), Parse(reader.GetString(5)), reader.GetInt64(6), reader.GetString(7)));
            }

            return runs;
        }
        catch (SqliteException error)
        {
            throw new StoreException($"cannot read agent runs: {error.Message}", error);
        }
    }
}
