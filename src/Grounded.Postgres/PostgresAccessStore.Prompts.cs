using Grounded.Prompts;
using Npgsql;

namespace Grounded.Postgres;

/// <summary>The prompts' active pointers (one row per prompt and environment naming its switch) and the history of switches.</summary>
public sealed partial class PostgresAccessStore
{
    private const string HistoryColumns = "h.seq, h.at, h.environment, h.prompt_id, h.version, h.previous_version, h.action, h.actor, h.origin, h.forced, h.metric, h.score, h.previous_score";

    /// <inheritdoc />
    public async Task<PromptActivation?> GetActiveAsync(string id, string environment, CancellationToken cancellationToken) =>
        (await ReadActivationsAsync($"SELECT {HistoryColumns} FROM prompt_active a JOIN prompt_history h ON h.seq = a.history_seq WHERE a.prompt_id = @id AND a.environment = @env",
            id, environment, cancellationToken).ConfigureAwait(false)) is [var active, ..] ? active : null;

    /// <inheritdoc />
    public Task<IReadOnlyList<PromptActivation>> ListActiveAsync(CancellationToken cancellationToken) =>
        ReadActivationsAsync($"SELECT {HistoryColumns} FROM prompt_active a JOIN prompt_history h ON h.seq = a.history_seq ORDER BY a.prompt_id, a.environment", null, null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<PromptActivation>> HistoryAsync(string id, string? environment, CancellationToken cancellationToken) =>
        ReadActivationsAsync($"SELECT {HistoryColumns} FROM prompt_history h WHERE h.prompt_id = @id {(environment is null ? "" : "AND h.environment = @env")} ORDER BY h.seq DESC",
            id, environment, cancellationToken);

    /// <inheritdoc />
    public async Task SetActiveAsync(PromptActivation activation, long? expectedSeq, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var audit = activation.ToAuditEntry();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = new NpgsqlCommand("""
            WITH h AS (
                INSERT INTO prompt_history(at, environment, prompt_id, version, previous_version, action, actor, origin, forced, metric, score, previous_score)
                VALUES (@at, @env, @id, @version, @previous, @action, @actor, @origin, @forced, @metric, @score, @previousScore) RETURNING seq)
            SELECT seq FROM h;
            INSERT INTO audit_log(at, actor, tenant, action, target, detail, origin) VALUES (@at, @actor, @tenant, @auditAction, @target, @detail, @origin);
            """, connection, transaction);
        insert.Parameters.AddWithValue("at", Truncate(activation.At));
        insert.Parameters.AddWithValue("env", activation.Environment);
        insert.Parameters.AddWithValue("id", activation.Id);
        insert.Parameters.AddWithValue("version", activation.Version);
        insert.Parameters.AddWithValue("previous", NpgsqlTypes.NpgsqlDbType.Text, (object?)activation.Previous ?? DBNull.Value);
        insert.Parameters.AddWithValue("action", activation.Action);
        insert.Parameters.AddWithValue("actor", activation.Actor);
        insert.Parameters.AddWithValue("origin", activation.Origin);
        insert.Parameters.AddWithValue("forced", activation.Forced);
        insert.Parameters.AddWithValue("metric", NpgsqlTypes.NpgsqlDbType.Text, (object?)activation.Metric ?? DBNull.Value);
        insert.Parameters.AddWithValue("score", NpgsqlTypes.NpgsqlDbType.Double, (object?)activation.Score ?? DBNull.Value);
        insert.Parameters.AddWithValue("previousScore", NpgsqlTypes.NpgsqlDbType.Double, (object?)activation.PreviousScore ?? DBNull.Value);
        insert.Parameters.AddWithValue("tenant", audit.Tenant);
        insert.Parameters.AddWithValue("auditAction", audit.Action);
        insert.Parameters.AddWithValue("target", audit.Target);
        insert.Parameters.AddWithValue("detail", audit.Detail);
        var seq = 0L;
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                seq = reader.GetInt64(0);
            }
        }

        // The switch is conditional on the pointer read by the caller (compare-and-set): of two concurrent promotions or
        // rollbacks, the second changes nothing and says so (an absent row: ON CONFLICT DO NOTHING; a present one: the
        // UPDATE's row lock makes the second wait, then find the seq changed).
        await using var pointer = new NpgsqlCommand(expectedSeq is null
            ? "INSERT INTO prompt_active(prompt_id, environment, history_seq) VALUES (@id, @env, @seq) ON CONFLICT (prompt_id, environment) DO NOTHING"
            : "UPDATE prompt_active SET history_seq = @seq WHERE prompt_id = @id AND environment = @env AND history_seq = @expected", connection, transaction);
        pointer.Parameters.AddWithValue("id", activation.Id);
        pointer.Parameters.AddWithValue("env", activation.Environment);
        pointer.Parameters.AddWithValue("seq", seq);
        pointer.Parameters.AddWithValue("expected", NpgsqlTypes.NpgsqlDbType.Bigint, (object?)expectedSeq ?? DBNull.Value);
        if (await pointer.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            throw new PromptConflictException(activation.Id, activation.Environment);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PromptActivation>> ReadActivationsAsync(string sql, string? id, string? environment, CancellationToken cancellationToken)
    {
        await using var select = _source.CreateCommand(sql);
        if (id is not null)
        {
            select.Parameters.AddWithValue("id", id);
        }

        if (environment is not null)
        {
            select.Parameters.AddWithValue("env", environment);
        }

        var found = new List<PromptActivation>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new PromptActivation(reader.GetString(3), reader.GetString(2), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(7))
            {
                Previous = reader.IsDBNull(5) ? null : reader.GetString(5),
                Action = reader.GetString(6),
                Origin = reader.GetString(8),
                Forced = reader.GetBoolean(9),
                Metric = reader.IsDBNull(10) ? null : reader.GetString(10),
                Score = reader.IsDBNull(11) ? null : reader.GetDouble(11),
                PreviousScore = reader.IsDBNull(12) ? null : reader.GetDouble(12),
                Seq = reader.GetInt64(0),
            });
        }

        return found;
    }
}
