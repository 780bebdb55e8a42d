using Grounded.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace Grounded.Postgres;

/// <summary>The alert rules' states in the <c>alert_states</c> table: every write conditional on the version read, so that of replicas racing one transition exactly one stores it (and sends it).</summary>
public sealed partial class PostgresAccessStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertState>> ReadAlertStatesAsync(CancellationToken cancellationToken)
    {
        await using var select = _source.CreateCommand(
            "SELECT rule, state, since, value, threshold, message, evaluated_at, notified_at, version FROM alert_states ORDER BY rule");
        var states = new List<AlertState>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(new AlertState(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            {
                Value = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                Threshold = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                Message = reader.GetString(5),
                EvaluatedAt = reader.GetFieldValue<DateTimeOffset>(6),
                NotifiedAt = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                Version = reader.GetInt64(8),
            });
        }

        return states;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAlertStateAsync(AlertState state, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var save = _source.CreateCommand(expectedVersion == 0
            ? """
              INSERT INTO alert_states(rule, state, since, value, threshold, message, evaluated_at, notified_at, version)
              VALUES (@rule, @state, @since, @value, @threshold, @message, @evaluated, @notified, @version) ON CONFLICT (rule) DO NOTHING
              """
            : """
              UPDATE alert_states SET state = @state, since = @since, value = @value, threshold = @threshold, message = @message,
                  evaluated_at = @evaluated, notified_at = @notified, version = @version
              WHERE rule = @rule AND version = @expected
              """);
        save.Parameters.AddWithValue("rule", state.Rule);
        save.Parameters.AddWithValue("state", state.State);
        save.Parameters.AddWithValue("since", Truncate(state.Since));
        save.Parameters.Add(new NpgsqlParameter("value", NpgsqlDbType.Double) { Value = (object?)state.Value ?? DBNull.Value });
        save.Parameters.Add(new NpgsqlParameter("threshold", NpgsqlDbType.Double) { Value = (object?)state.Threshold ?? DBNull.Value });
        save.Parameters.AddWithValue("message", state.Message);
        save.Parameters.AddWithValue("evaluated", Truncate(state.EvaluatedAt));
        save.Parameters.Add(new NpgsqlParameter("notified", NpgsqlDbType.TimestampTz) { Value = state.NotifiedAt is { } at ? Truncate(at) : DBNull.Value });
        save.Parameters.AddWithValue("version", state.Version);
        save.Parameters.AddWithValue("expected", expectedVersion);
        return await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
