using Grounded.Prompts;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Access;

/// <summary>The prompts' active pointers (one row per prompt and environment naming its switch) and the history of switches.</summary>
public sealed partial class SqliteAccessStore
{
    private const string HistoryColumns = "h.seq, h.at, h.environment, h.prompt_id, h.version, h.previous_version, h.action, h.actor, h.origin, h.forced, h.metric, h.score, h.previous_score";

    /// <inheritdoc />
    public async Task<PromptActivation?> GetActiveAsync(string id, string environment, CancellationToken cancellationToken) =>
        (await ReadActivationsAsync($"SELECT {HistoryColumns} FROM prompt_active a JOIN prompt_history h ON h.seq = a.history_seq WHERE a.prompt_id = $id AND a.environment = $env",
            id, environment, cancellationToken).ConfigureAwait(false)) is [var active, ..] ? active : null;

    /// <inheritdoc />
    public Task<IReadOnlyList<PromptActivation>> ListActiveAsync(CancellationToken cancellationToken) =>
        ReadActivationsAsync($"SELECT {HistoryColumns} FROM prompt_active a JOIN prompt_history h ON h.seq = a.history_seq ORDER BY a.prompt_id, a.environment", null, null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PromptActivation>> HistoryAsync(string id, string? environment, CancellationToken cancellationToken) =>
        ReadActivationsAsync($"SELECT {HistoryColumns} FROM prompt_history h WHERE h.prompt_id = $id {(environment is null ? "" : "AND h.environment = $env")} ORDER BY h.seq DESC",
            id, environment, cancellationToken);

    /// <inheritdoc />
    public async Task SetActiveAsync(PromptActivation activation, long? expectedSeq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, """
            INSERT INTO prompt_history(at, environment, prompt_id, version, previous_version, action, actor, origin, forced, metric, score, previous_score)
            VALUES ($at, $env, $id, $version, $previous, $action, $actor, $origin, $forced, $metric, $score, $previousScore);
            INSERT INTO audit_log(at, actor, tenant, action, target, detail, origin) VALUES ($at, $actor, $tenant, $auditAction, $target, $detail, $origin);
            """);
        insert.Transaction = transaction;
        var audit = activation.ToAuditEntry();
        insert.Parameters.AddWithValue("$at", Stamp(activation.At));
        insert.Parameters.AddWithValue("$env", activation.Environment);
        insert.Parameters.AddWithValue("$id", activation.Id);
        insert.Parameters.AddWithValue("$version", activation.Version);
        insert.Parameters.AddWithValue("$previous", (object?)activation.Previous ?? DBNull.Value);
        insert.Parameters.AddWithValue("$action", activation.Action);
        insert.Parameters.AddWithValue("$actor", activation.Actor);
        insert.Parameters.AddWithValue("$origin", activation.Origin);
        insert.Parameters.AddWithValue("$forced", activation.Forced ? 1 : 0);
        insert.Parameters.AddWithValue("$metric", (object?)activation.Metric ?? DBNull.Value);
        insert.Parameters.AddWithValue("$score", (object?)activation.Score ?? DBNull.Value);
        insert.Parameters.AddWithValue("$previousScore", (object?)activation.PreviousScore ?? DBNull.Value);
        insert.Parameters.AddWithValue("$tenant", audit.Tenant);
        insert.Parameters.AddWithValue("$auditAction", audit.Action);
        insert.Parameters.AddWithValue("$target", audit.Target);
        insert.Parameters.AddWithValue("$detail", audit.Detail);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        // The switch is conditional on the pointer read by the caller (compare-and-set): of two concurrent promotions or
        // rollbacks, the second changes nothing and says so, instead of silently recording a wrong "from".
        await using var pointer = Command(connection, expectedSeq is null
            ? "INSERT INTO prompt_active(prompt_id, environment, history_seq) VALUES ($id, $env, (SELECT max(seq) FROM prompt_history)) ON CONFLICT(prompt_id, environment) DO NOTHING"
            : "UPDATE prompt_active SET history_seq = (SELECT max(seq) FROM prompt_history) WHERE prompt_id = $id AND environment = $env AND history_seq = $expected");
        pointer.Transaction = transaction;
        pointer.Parameters.AddWithValue("$id", activation.Id);
        pointer.Parameters.AddWithValue("$env", activation.Environment);
        pointer.Parameters.AddWithValue("$expected", (object?)expectedSeq ?? DBNull.Value);
        if (await pointer.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            throw new PromptConflictException(activation.Id, activation.Environment);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PromptActivation>> ReadActivationsAsync(string sql, string? id, string? environment, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, sql);
        select.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        select.Parameters.AddWithValue("$env", (object?)environment ?? DBNull.Value);
        var found = new List<PromptActivation>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new PromptActivation(reader.GetString(3), reader.GetString(2), reader.GetString(4), Parse(reader.GetString(1)), reader.GetString(7))
            {
                Previous = reader.IsDBNull(5) ? null : reader.GetString(5),
                Action = reader.GetString(6),
                Origin = reader.GetString(8),
                Forced = reader.GetInt64(9) != 0,
                Metric = reader.IsDBNull(10) ? null : reader.GetString(10),
                Score = reader.IsDBNull(11) ? null : reader.GetDouble(11),
                PreviousScore = reader.IsDBNull(12) ? null : reader.GetDouble(12),
                Seq = reader.GetInt64(0),
            });
        }

        return found;
    }
}
