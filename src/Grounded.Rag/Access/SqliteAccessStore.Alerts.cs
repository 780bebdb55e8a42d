using Grounded.Alerts;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Access;

/// <summary>The alert rules' states in <c>access.db</c> (<c>alert_states</c>): every write conditional on the version read.</summary>
public sealed partial class SqliteAccessStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AlertState>> ReadAlertStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection,
            "SELECT rule, state, since, value, threshold, message, evaluated_at, notified_at, version FROM alert_states ORDER BY rule");
        var states = new List<AlertState>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            states.Add(new AlertState(reader.GetString(0), reader.GetString(1), Parse(reader.GetString(2)))
            {
                Value = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                Threshold = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                Message = reader.GetString(5),
                EvaluatedAt = Parse(reader.GetString(6)),
                NotifiedAt = ParseOrNull(reader, 7),
                Version = reader.GetInt64(8),
            });
        }

        return states;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAlertStateAsync(AlertState state, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var save = Command(connection, expectedVersion == 0
            ? """
              INSERT INTO alert_states(rule, state, since, value, threshold, message, evaluated_at, notified_at, version)
              VALUES ($rule, $state, $since, $value, $threshold, $message, $evaluated, $notified, $version) ON CONFLICT(rule) DO NOTHING
              """
            : """
              UPDATE alert_states SET state = $state, since = $since, value = $value, threshold = $threshold, message = $message,
                  evaluated_at = $evaluated, notified_at = $notified, version = $version
              WHERE rule = $rule AND version = $expected
              """);
        object?[] values = [state.Rule, state.State, Stamp(state.Since), state.Value, state.Threshold, state.Message, Stamp(state.EvaluatedAt),
            state.NotifiedAt is { } notified ? Stamp(notified) : null, state.Version, expectedVersion];
        string[] names = ["$rule", "$state", "$since", "$value", "$threshold", "$message", "$evaluated", "$notified", "$version", "$expected"];
        for (var i = 0; i < names.Length; i++)
        {
            save.Parameters.Add(new SqliteParameter(names[i], values[i] ?? DBNull.Value));
        }

        return await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
