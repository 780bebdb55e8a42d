using Grounded.Usage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Access;

/// <summary>
/// The ledger's and the query log's time series in <c>access.db</c>: sums by SQL, grouped by bucket (whole seconds from the
/// start); latency percentiles computed here from each bucket's sorted latencies, as SQLite has no percentile function.
/// </summary>
public sealed partial class SqliteAccessStore
{
    private const string ModelKey = "COALESCE(model, CASE WHEN cache IN ('exact', 'semantic') THEN 'cache' END, 'none')";

    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageBucket>> SeriesAsync(UsageSeriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var key = query.ByModel ? ModelKey : "NULL";
        var where = $"FROM usage_ledger WHERE at >= $from AND at < $until {(query.Tenant is null ? "" : "AND tenant = $tenant")}";
        var bucket = "(CAST(strftime('%s', at) AS INTEGER) - $since) / $bucket";
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var buckets = new List<UsageBucket>();
        await using (var sums = SeriesCommand(connection, $"""
            SELECT {bucket} AS b, {key} AS k, COUNT(*), SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END), SUM(cost_nusd), SUM(input_tokens), SUM(output_tokens),
                SUM(CASE WHEN cache IN ('exact', 'semantic') THEN 1 ELSE 0 END)
            {where} GROUP BY b, k ORDER BY b, k
            """, query.Since, query.Until, query.Bucket, query.Tenant))
        {
            await using var reader = await sums.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                buckets.Add(new UsageBucket(query.StartOf(reader.GetInt64(0)))
                {
                    Model = reader.IsDBNull(1) ? null : reader.GetString(1),
                    Requests = reader.GetInt64(2),
                    Errors = reader.GetInt64(3),
                    CostUsd = NanoDollars.ToUsd(reader.GetInt64(4)),
                    InputTokens = reader.GetInt64(5),
                    OutputTokens = reader.GetInt64(6),
                    CacheHits = reader.GetInt64(7),
                });
            }
        }

        if (!query.Percentiles || buckets.Count == 0)
        {
            return buckets;
        }

        // The groups are matched by (bucket, key), not by position: the ledger's writer may add a row between the two queries,
        // and a group the sums did not see is skipped rather than shifting every later group onto the wrong bucket.
        var positions = new Dictionary<(long Bucket, string Key), int>();
        for (var i = 0; i < buckets.Count; i++)
        {
            positions[(query.IndexOf(buckets[i].Start), buckets[i].Model ?? string.Empty)] = i;
        }

        await using var latencies = SeriesCommand(connection, $"SELECT {bucket} AS b, {key} AS k, latency_ms {where} ORDER BY b, k, latency_ms",
            query.Since, query.Until, query.Bucket, query.Tenant);
        await using var rows = await latencies.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var group = new List<double>();
        var more = await rows.ReadAsync(cancellationToken).ConfigureAwait(false);
        while (more)
        {
            var current = (rows.GetInt64(0), rows.IsDBNull(1) ? string.Empty : rows.GetString(1));
            group.Clear();
            while (more && (rows.GetInt64(0), rows.IsDBNull(1) ? string.Empty : rows.GetString(1)) == current)
            {
                group.Add(rows.GetDouble(2));
                more = await rows.ReadAsync(cancellationToken).ConfigureAwait(false);
            }

            if (positions.TryGetValue(current, out var index))
            {
                buckets[index] = buckets[index] with
                {
                    P50Ms = LatencyPercentiles.Of(group, 0.50),
                    P95Ms = LatencyPercentiles.Of(group, 0.95),
                    P99Ms = LatencyPercentiles.Of(group, 0.99),
                };
            }
        }

        return buckets;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueryBucket>> QuerySeriesAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant, CancellationToken cancellationToken)
    {
        var query = new UsageSeriesQuery(since, until, bucket);
        query.Validate();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = SeriesCommand(connection, $"""
            SELECT (CAST(strftime('%s', at) AS INTEGER) - $since) / $bucket AS b, COUNT(*), SUM(abstained), COUNT(grounding_score), AVG(grounding_score), SUM(guard_triggers)
            FROM query_log WHERE at >= $from AND at < $until {(tenant is null ? "" : "AND tenant = $tenant")} GROUP BY b ORDER BY b
            """, since, until, bucket, tenant);
        var buckets = new List<QueryBucket>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            buckets.Add(new QueryBucket(query.StartOf(reader.GetInt64(0)))
            {
                Answers = reader.GetInt64(1),
                Abstentions = reader.GetInt64(2),
                Graded = reader.GetInt64(3),
                GroundingMean = reader.IsDBNull(4) ? null : reader.GetDouble(4),
                GuardTriggers = reader.GetInt64(5),
            });
        }

        return buckets;
    }

    private static SqliteCommand SeriesCommand(SqliteConnection connection, string sql, DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant)
    {
        var command = Command(connection, sql);
        command.Parameters.AddWithValue("$since", since.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$bucket", (long)bucket.TotalSeconds);
        command.Parameters.AddWithValue("$from", Stamp(since));
        command.Parameters.AddWithValue("$until", Stamp(until));
        command.Parameters.AddWithValue("$tenant", (object?)tenant ?? DBNull.Value);
        return command;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Feedback.FeedbackBucket>> CountFeedbackAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant, CancellationToken cancellationToken)
    {
        var query = new UsageSeriesQuery(since, until, bucket);
        query.Validate();
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var select = SeriesCommand(connection, $"""
            SELECT (CAST(strftime('%s', at) AS INTEGER) - $since) / $bucket AS b, SUM(rating = 'up'), SUM(rating = 'down')
            FROM feedback WHERE at >= $from AND at < $until {(tenant is null ? "" : "AND tenant = $tenant")} GROUP BY b ORDER BY b
            """, since, until, bucket, tenant);
        var buckets = new List<Feedback.FeedbackBucket>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            buckets.Add(new Feedback.FeedbackBucket(query.StartOf(reader.GetInt64(0)), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return buckets;
    }
}
