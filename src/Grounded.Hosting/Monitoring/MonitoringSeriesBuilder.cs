using Grounded.Feedback;
using Grounded.Usage;

namespace Grounded.Hosting.Monitoring;

/// <summary>
/// Builds the monitoring series of a tenant (or of all) from the store's usage ledger, query log and feedback: what every
/// replica sees alike, unlike in-process metrics. Each source is read with a bounded number of queries, summed in the store.
/// </summary>
/// <param name="sources">Where the rows are read from.</param>
public sealed class MonitoringSeriesBuilder(MonitoringSources sources)
{
    /// <summary>Gets where the rows are read from (the alert rules read the same sources).</summary>
    public MonitoringSources Sources => sources;

    /// <summary>Returns the series of <paramref name="range"/>, of <paramref name="tenant"/> only unless it is null.</summary>
    public async Task<MonitoringSeries> BuildAsync(MonitoringRange range, string? tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var ledger = await sources.Ledger(cancellationToken).ConfigureAwait(false);
        var log = await sources.QueryLog(cancellationToken).ConfigureAwait(false);
        var feedback = await sources.Feedback(cancellationToken).ConfigureAwait(false);
        var query = new UsageSeriesQuery(range.Since, range.Until, range.Bucket) { Tenant = tenant };
        var whole = query with { Bucket = range.Whole };
        var usage = await ledger.SeriesAsync(query, cancellationToken).ConfigureAwait(false);
        var usageTotal = await ledger.SeriesAsync(whole, cancellationToken).ConfigureAwait(false);
        var models = await ledger.SeriesAsync(whole with { ByModel = true }, cancellationToken).ConfigureAwait(false);
        var answers = await log.QuerySeriesAsync(range.Since, range.Until, range.Bucket, tenant, cancellationToken).ConfigureAwait(false);
        var answersTotal = await log.QuerySeriesAsync(range.Since, range.Until, range.Whole, tenant, cancellationToken).ConfigureAwait(false);
        var ratings = await feedback.CountFeedbackAsync(range.Since, range.Until, range.Bucket, tenant, cancellationToken).ConfigureAwait(false);

        var count = range.Count;
        var up = new long[count];
        var down = new long[count];
        foreach (var rated in ratings)
        {
            var index = (int)Math.Clamp((rated.Start - range.Since).Ticks / range.Bucket.Ticks, 0, count - 1);
            (up[index], down[index]) = (up[index] + rated.Up, down[index] + rated.Down);
        }

        var usageAt = usage.ToDictionary(b => b.Start);
        var answersAt = answers.ToDictionary(b => b.Start);
        var buckets = new SeriesPoint[count];
        for (var i = 0; i < count; i++)
        {
            var start = range.Since + (range.Bucket * i);
            buckets[i] = Point(usageAt.GetValueOrDefault(start), answersAt.GetValueOrDefault(start), up[i], down[i]) with { Start = start };
        }

        var totals = Point(usageTotal.Count > 0 ? usageTotal[0] : null, answersTotal.Count > 0 ? answersTotal[0] : null, up.Sum(), down.Sum());
        var byModel = models.OrderByDescending(m => m.Requests).ThenBy(m => m.Model, StringComparer.Ordinal)
            .Select(m => new ModelPoint(m.Model ?? "none", m.Requests, m.Errors, m.CostUsd, Math.Round(m.P95Ms, 1))).ToList();
        return new MonitoringSeries(range, buckets, totals, byModel);
    }

    private static SeriesPoint Point(UsageBucket? usage, QueryBucket? answers, long up, long down) => new()
    {
        Requests = usage?.Requests ?? 0,
        Errors = usage?.Errors ?? 0,
        P50Ms = Math.Round(usage?.P50Ms ?? 0, 1),
        P95Ms = Math.Round(usage?.P95Ms ?? 0, 1),
        P99Ms = Math.Round(usage?.P99Ms ?? 0, 1),
        CostUsd = usage?.CostUsd ?? 0,
        InputTokens = usage?.InputTokens ?? 0,
        OutputTokens = usage?.OutputTokens ?? 0,
        CacheHits = usage?.CacheHits ?? 0,
        Answers = answers?.Answers ?? 0,
        Abstentions = answers?.Abstentions ?? 0,
        AbstentionRate = answers is { Answers: > 0 } a ? Math.Round((double)a.Abstentions / a.Answers, 4) : null,
        GroundingMean = answers?.GroundingMean is { } mean ? Math.Round(mean, 4) : null,
        GuardTriggers = answers?.GuardTriggers ?? 0,
        FeedbackUp = up,
        FeedbackDown = down,
    };
}
