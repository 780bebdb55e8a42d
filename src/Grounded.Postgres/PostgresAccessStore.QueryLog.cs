using Grounded.Rag.Access;
using Grounded.Usage;
using Npgsql;
using NpgsqlTypes;

namespace Grounded.Postgres;

/// <summary>The query log in the <c>query_log</c> table: batches appended with one binary COPY, read back by time window.</summary>
public sealed partial class PostgresAccessStore
{
    /// <inheritdoc />
    public async Task LogQueriesAsync(IReadOnlyList<QueryLogRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY query_log(at, tenant, embedding, top_score, abstained, guard_triggers, grounding_score) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var r in records)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(Truncate(r.At), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Tenant, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(QueryEmbeddings.ToBytes(r.Embedding), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            await (r.TopScore is { } top ? copy.WriteAsync(top, NpgsqlDbType.Double, cancellationToken) : copy.WriteNullAsync(cancellationToken)).ConfigureAwait(false);
            await copy.WriteAsync(r.Abstained, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.GuardTriggers, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await (r.GroundingScore is { } grounding ? copy.WriteAsync(grounding, NpgsqlDbType.Double, cancellationToken) : copy.WriteNullAsync(cancellationToken)).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueryLogRecord>> ReadQueriesAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, CancellationToken cancellationToken)
    {
        await using var select = _source.CreateCommand("""
            SELECT at, tenant, embedding, top_score, abstained, guard_triggers, grounding_score FROM query_log
            WHERE at >= @since AND at < @until AND (@tenant::text IS NULL OR tenant = @tenant) ORDER BY at, seq
            """);
        select.Parameters.AddWithValue("since", Truncate(since));
        select.Parameters.AddWithValue("until", Truncate(until));
        select.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenant ?? DBNull.Value });
        var rows = new List<QueryLogRecord>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new QueryLogRecord(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), QueryEmbeddings.FromBytes(reader.GetFieldValue<byte[]>(2)))
            {
                TopScore = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                Abstained = reader.GetBoolean(4),
                GuardTriggers = reader.GetInt32(5),
                GroundingScore = reader.IsDBNull(6) ? null : reader.GetDouble(6),
            });
        }

        return rows;
    }
}
