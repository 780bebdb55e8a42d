using Grounded.Rag.Access;
using Grounded.Usage;
using Npgsql;
using NpgsqlTypes;

namespace Grounded.Postgres;

/// <summary>The usage ledger in the <c>usage_ledger</c> table: batches appended with one binary COPY, summed by SQL.</summary>
public sealed partial class PostgresAccessStore
{
    /// <inheritdoc />
    public async Task RecordAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY usage_ledger(at, request_id, endpoint, tenant, key_id, end_user, requested_model, model, route, route_class, prompt_id, cache,
                input_tokens, cached_input_tokens, output_tokens, cost_nusd, saved_nusd, latency_ms, status) FROM STDIN (FORMAT BINARY)
            """, cancellationToken).ConfigureAwait(false);
        foreach (var r in records)
        {
            await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(Truncate(r.At), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            foreach (var text in (string?[])[r.RequestId, r.Endpoint, r.Tenant, r.KeyId, r.EndUser, r.RequestedModel, r.Model, r.Route, r.RouteClass, r.PromptId, r.Cache])
            {
                await (text is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken)).ConfigureAwait(false);
            }

            foreach (var number in (long[])[r.InputTokens, r.CachedInputTokens, r.OutputTokens, NanoDollars.From(r.CostUsd), NanoDollars.From(r.SavedUsd)])
            {
                await copy.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }

            await copy.WriteAsync(r.LatencyMs, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await copy.WriteAsync(r.Status, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
        }

        await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageTotal>> SummarizeAsync(UsageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var select = _source.CreateCommand(UsageLedgerSql.Summary(query.By, day: "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"));
        select.Parameters.AddWithValue("since", Truncate(query.Since));
        select.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = query.Until is { } until ? Truncate(until) : DBNull.Value });
        select.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)query.Tenant ?? DBNull.Value });
        select.Parameters.Add(new NpgsqlParameter("route", NpgsqlDbType.Text) { Value = (object?)query.Route ?? DBNull.Value });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await UsageLedgerSql.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
    }
}
