using Grounded.Usage;
using Npgsql;
using NpgsqlTypes;

namespace Grounded.Postgres;

/// <summary>The ledger's and the query log's time series: grouped by bucket (whole seconds from the start) in SQL, latency percentiles by <c>percentile_cont</c>.</summary>
public sealed partial class PostgresAccessStore
{
    private const string Bucket = "(floor(extract(epoch FROM at))::bigint - @since_s) / @bucket_s";

    /// <inheritdoc />
    public async Task<IReadOnlyList<UsageBucket>> SeriesAsync(UsageSeriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var key = query.ByModel ? "COALESCE(model, CASE WHEN cache IN ('exact', 'semantic') THEN 'cache' END, 'none')" : "NULL::text";
        var percentiles = query.Percentiles
            ? "percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms), percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms)"
            : "0::float8, 0::float8, 0::float8";
        await using var select = SeriesCommand($"""
            SELECT {Bucket} AS b, {key} AS k, count(*), count(*) FILTER (WHERE status >= 400), {percentiles},
                COALESCE(sum(cost_nusd), 0)::bigint, COALESCE(sum(input_tokens), 0)::bigint, COALESCE(sum(output_tokens), 0)::bigint,
                count(*) FILTER (WHERE cache IN ('exact', 'semantic'))
            FROM usage_ledger WHERE at >= @since AND at < @until AND (@tenant::text IS NULL OR tenant = @tenant)
            GROUP BY b, k ORDER BY b, k
            """, query.Since, query.Until, query.Bucket, query.Tenant);
        var buckets = new List<UsageBucket>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            buckets.Add(new UsageBucket(query.StartOf(reader.GetInt64(0)))
            {
                Model = reader.IsDBNull(1) ? null : reader.GetString(1),
                Requests = reader.GetInt64(2),
                Errors = reader.GetInt64(3),
                P50Ms = reader.GetDouble(4),
                P95Ms = reader.GetDouble(5),
                P99Ms = reader.GetDouble(6),
                CostUsd = NanoDollars.ToUsd(reader.GetInt64(7)),
                InputTokens = reader.GetInt64(8),
                OutputTokens = reader.GetInt64(9),
                CacheHits = reader.GetInt64(10),
            });
        }

        return buckets;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueryBucket>> QuerySeriesAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant, CancellationToken cancellationToken)
    {
        var query = new UsageSeriesQuery(since, until, bucket);
        query.Validate();
        await using var select = SeriesCommand($"""
            SELECT {Bucket} AS b, count(*), count(*) FILTER (WHERE abstained), count(grounding_score), avg(grounding_score), COALESCE(sum(guard_triggers), 0)::bigint
            FROM query_log WHERE at >= @since AND at < @until AND (@tenant::text IS NULL OR tenant = @tenant)
            GROUP BY b ORDER BY b
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

    private NpgsqlCommand SeriesCommand(string sql, DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant)
    {
        var command = _source.CreateCommand(sql);
        command.Parameters.AddWithValue("since_s", since.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("bucket_s", (long)bucket.TotalSeconds);
        command.Parameters.AddWithValue("since", Truncate(since));
        command.Parameters.AddWithValue("until", Truncate(until));
        command.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Text) { Value = (object?)tenant ?? DBNull.Value });
        return command;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Feedback.FeedbackBucket>> CountFeedbackAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant, CancellationToken cancellationToken)
    {
        var query = new UsageSeriesQuery(since, until, bucket);
        query.Validate();
        await using var select = SeriesCommand($"""
            SELECT {Bucket} AS b, count(*) FILTER (WHERE rating = 'up'), count(*) FILTER (WHERE rating = 'down')
            FROM feedback WHERE at >= @since AND at < @until AND (@tenant::text IS NULL OR tenant = @tenant)
            GROUP BY b ORDER BY b
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
