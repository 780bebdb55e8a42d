using Grounded.Agents;
using Grounded.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Grounded.Postgres;

/// <summary>Agent runs (<c>agent_runs</c>, migration 7): the columns a run is found by and its document, every write conditional on the stored version.</summary>
public sealed partial class PostgresAccessStore
{
    private const string RunColumns = "id, tenant, agent, status, created_at, updated_at, version, document";

    /// <inheritdoc />
    public async Task<bool> SaveAgentRunAsync(AgentRunRecord run, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);

        // One statement each way: a taken id inserts nothing (ON CONFLICT DO NOTHING), and of two updates from one version the
        // second waits for the first's row lock, then finds the version moved and updates nothing. The id, tenant, agent and
        // start are fixed by the first write.
        await using var write = _source.CreateCommand(expectedVersion == 0
            ? $"INSERT INTO agent_runs({RunColumns}) VALUES (@id, @tenant, @agent, @status, @created, @updated, 1, @document) ON CONFLICT (id) DO NOTHING"
            : "UPDATE agent_runs SET status = @status, updated_at = @updated, version = @expected + 1, document = @document WHERE id = @id AND version = @expected");
        write.Parameters.AddWithValue("id", run.Id);
        write.Parameters.AddWithValue("status", run.Status);
        write.Parameters.AddWithValue("updated", Truncate(run.UpdatedAt));
        write.Parameters.AddWithValue("document", run.Document);
        if (expectedVersion == 0)
        {
            write.Parameters.AddWithValue("tenant", run.Tenant);
            write.Parameters.AddWithValue("agent", run.Agent);
            write.Parameters.AddWithValue("created", Truncate(run.CreatedAt));
        }
        else
        {
            write.Parameters.AddWithValue("expected", NpgsqlDbType.Bigint, expectedVersion);
        }

        try
        {
            return await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
        catch (NpgsqlException error)
        {
            throw new StoreException($"cannot save agent run '{run.Id}': {error.Message.TrimEnd('.')}", error);
        }
    }

    /// <inheritdoc />
    public async Task<AgentRunRecord?> GetAgentRunAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (await ReadRunsAsync($"SELECT {RunColumns} FROM agent_runs WHERE id = @id", id, null, null, cancellationToken).ConfigureAwait(false))
            is [var run] ? run : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AgentRunRecord>> ListAgentRunsAsync(string? tenant, string? status, int limit, CancellationToken cancellationToken) =>
        ReadRunsAsync($"SELECT {RunColumns} FROM agent_runs {RunFilter(tenant, status)} ORDER BY created_at DESC, id LIMIT {Math.Max(1, limit)}",
            null, tenant, status, cancellationToken);

    // Only the filters asked for, so each list can use its index (by tenant, or by status across tenants).
    private static string RunFilter(string? tenant, string? status) => (tenant, status) switch
    {
        (null, null) => string.Empty,
        (_, null) => "WHERE tenant = @tenant",
        (null, _) => "WHERE status = @status",
        _ => "WHERE tenant = @tenant AND status = @status",
    };

    private async Task<IReadOnlyList<AgentRunRecord>> ReadRunsAsync(string sql, string? id, string? tenant, string? status, CancellationToken cancellationToken)
    {
        await using var select = _source.CreateCommand(sql);
        foreach (var (name, value) in new[] { ("id", id), ("tenant", tenant), ("status", status) })
        {
            if (value is not null)
            {
                select.Parameters.AddWithValue(name, value);
            }
        }

        try
        {
            var runs = new List<AgentRunRecord>();
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runs.Add(new AgentRunRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt64(6), reader.GetString(7)));
            }

            return runs;
        }
        catch (NpgsqlException error)
        {
            throw new StoreException($"cannot read agent runs: {error.Message.TrimEnd('.')}", error);
        }
    }
}
