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
        var key = query.By switch
        {
            UsageGrouping.Model => "COALESCE(model, CASE WHEN cache IN ('exact', 'semantic') THEN 'cache' END)",
            UsageGrouping.Key => "key_id",
            UsageGrouping.Day => "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
            UsageGrouping.Tenant => "tenant",
            UsageGrouping.User => "end_user",
            UsageGrouping.Endpoint => "endpoint",
            UsageGrouping.Class => "route_class",
            UsageGrouping.Cache => "cache",
            UsageGrouping.Prompt => "prompt_id",
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.By, "unknown grouping"),
        };
        await using var select = _source.CreateCommand($"""
            SELECT COALESCE({key}, 'none') AS k, COUNT(*), SUM(input_tokens)::bigint, SUM(cached_input_tokens)::bigint, SUM(output_tokens)::bigint,
                SUM(cost_nusd)::bigint, SUM(saved_nusd)::bigint, COUNT(*) FILTER (WHERE cache IN ('exact', 'semantic')), COUNT(*) FILTER (WHERE status >= 400), AVG(latency_ms)
            FROM usage_ledger
            WHERE at >= @since AND (@until::timestamptz IS NULL OR at < @until) AND (@tenant::text IS NULL OR tenant = @tenant) AND (@route::text IS NULL OR route = @route)
            GROUP BY k ORDER BY SUM(cost_nusd) DESC, k
            """);
        select.Parameters.AddWithValue("since", Truncate(query.Since));
        select.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = query.Until is { } until ? Truncate(until) : DBNull.Value });
        select.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)query.Tenant ?? DBNull.Value });
        select.Parameters.Add(new NpgsqlParameter("route", NpgsqlDbType.Text) { Value = (object?)query.Route ?? DBNull.Value });
        var totals = new List<UsageTotal>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            totals.Add(new UsageTotal(reader.GetString(0))
            {
                Requests = reader.GetInt64(1),
                InputTokens = reader.GetInt64(2),
                CachedInputTokens = reader.GetInt64(3),
                OutputTokens = reader.GetInt64(4),
                CostUsd = NanoDollars.ToUsd(reader.GetInt64(5)),
                SavedUsd = NanoDollars.ToUsd(reader.GetInt64(6)),
                CacheHits = reader.GetInt64(7),
                Errors = reader.GetInt64(8),
                MeanLatencyMs = Math.Round(reader.GetDouble(9), 1),
            });
        }

        return totals;
    }
}
