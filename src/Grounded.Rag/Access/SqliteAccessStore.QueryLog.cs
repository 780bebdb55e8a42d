using Grounded.Usage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Access;

/// <summary>The query log in <c>access.db</c>: rows appended in batches, read back by time window for drift reports.</summary>
public sealed partial class SqliteAccessStore
{
    /// <inheritdoc />
    public async Task LogQueriesAsync(IReadOnlyList<QueryLogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, """
            INSERT INTO query_log(at, tenant, embedding, top_score, abstained, guard_triggers, grounding_score)
            VALUES ($at, $tenant, $embedding, $top, $abstained, $guards, $grounding)
            """);
        insert.Transaction = transaction;
        string[] names = ["$at", "$tenant", "$embedding", "$top", "$abstained", "$guards", "$grounding"];
        foreach (var name in names)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        foreach (var r in records)
        {
            object?[] values = [Stamp(r.At), r.Tenant, QueryEmbeddings.ToBytes(r.Embedding), r.TopScore, r.Abstained ? 1 : 0, r.GuardTriggers, r.GroundingScore];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueryLogRecord>> ReadQueriesAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = Command(connection, $"""
            SELECT at, tenant, embedding, top_score, abstained, guard_triggers, grounding_score FROM query_log
            WHERE at >= $since AND at < $until {(tenant is null ? "" : "AND tenant = $tenant")} ORDER BY at, seq
            """);
        select.Parameters.AddWithValue("$since", Stamp(since));
        select.Parameters.AddWithValue("$until", Stamp(until));
        select.Parameters.AddWithValue("$tenant", (object?)tenant ?? DBNull.Value);
        var rows = new List<QueryLogRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new QueryLogRecord(Parse(reader.GetString(0)), reader.GetString(1), QueryEmbeddings.FromBytes((byte[])reader.GetValue(2)))
            {
                TopScore = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                Abstained = reader.GetInt64(4) != 0,
                GuardTriggers = reader.GetInt32(5),
                GroundingScore = reader.IsDBNull(6) ? null : reader.GetDouble(6),
            });
        }

        return rows;
    }
}
