using Grounded.Usage;

namespace Grounded.Conformance;

/// <summary>The ledger's and the query log's time series: rows summed into buckets counted from the start, latency percentiles as <c>percentile_cont</c> gives them, per model, per tenant.</summary>
public abstract partial class AccessStoreConformance
{
    [SkippableFact]
    public async Task TheLedgerSeriesSumsEachBucketWithContinuousLatencyPercentiles()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "series-" + Guid.NewGuid().ToString("N")[..8];
        var start = Time.GetUtcNow();
        await store.RecordAsync(
        [
            Row(start.AddSeconds(10), tenant, "small", 0.25m) with { LatencyMs = 100, InputTokens = 10, OutputTokens = 5 },
            Row(start.AddSeconds(20), tenant, "small", 0.25m) with { LatencyMs = 200, InputTokens = 10, OutputTokens = 5 },
            Row(start.AddSeconds(30), tenant, "large", 1m) with { LatencyMs = 300, Status = 502 },
            Row(start.AddSeconds(40), tenant, null, 0m) with { LatencyMs = 400, Cache = "exact" },
            Row(start.AddMinutes(2).AddSeconds(5), tenant, "small", 0.5m) with { LatencyMs = 50 },
            Row(start.AddMinutes(5), tenant, "small", 9m), // at the end: not covered
            Row(start.AddSeconds(10), "other-" + tenant, "small", 100m),
        ], None);
        var query = new UsageSeriesQuery(start, start.AddMinutes(5), TimeSpan.FromMinutes(1)) { Tenant = tenant };

        var series = await store.SeriesAsync(query, None);

        Assert.Equal([start, start.AddMinutes(2)], series.Select(b => b.Start));
        var first = series[0];
        Assert.Equal((4L, 1L, 1.5m, 20L, 10L, 1L), (first.Requests, first.Errors, first.CostUsd, first.InputTokens, first.OutputTokens, first.CacheHits));
        Assert.Equal((250.0, 385.0, 397.0), (Math.Round(first.P50Ms, 6), Math.Round(first.P95Ms, 6), Math.Round(first.P99Ms, 6)));
        Assert.Equal((1L, 50.0, 50.0), (series[1].Requests, series[1].P50Ms, series[1].P99Ms));
        Assert.Null(first.Model);
    }

    [SkippableFact]
    public async Task TheLedgerSeriesSplitsByModelAndCoversEveryTenantWhenNoneIsNamed()
    {
        await using var store = await OpenAsync(Time);
        var start = Time.GetUtcNow().AddDays(-3); // a range of its own: other tests' rows are not in it
        await store.RecordAsync(
        [
            Row(start.AddSeconds(1), "acme", "small", 1m) with { LatencyMs = 10 },
            Row(start.AddSeconds(2), "globex", "small", 2m) with { LatencyMs = 30 },
            Row(start.AddSeconds(3), "acme", "large", 4m) with { LatencyMs = 99, Status = 500 },
            Row(start.AddSeconds(4), "acme", null, 0m) with { Cache = "semantic" },
        ], None);
        var whole = new UsageSeriesQuery(start, start.AddHours(1), TimeSpan.FromHours(1)) { ByModel = true };

        var byModel = await store.SeriesAsync(whole, None);
        var cheap = await store.SeriesAsync(whole with { ByModel = false, Percentiles = false }, None);

        Assert.Equal([("cache", 1L, 0m), ("large", 1L, 4m), ("small", 2L, 3m)], byModel.Select(b => (b.Model!, b.Requests, b.CostUsd)));
        Assert.Equal((20.0, 1L), (byModel.Single(b => b.Model == "small").P50Ms, byModel.Single(b => b.Model == "large").Errors));
        Assert.Equal((4L, 7m, 0.0), (cheap.Single().Requests, cheap.Single().CostUsd, cheap.Single().P99Ms));
    }

    [SkippableFact]
    public async Task TheQueryLogSeriesCountsAnswersAbstentionsGroundingAndGuardTriggersPerBucket()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "qseries-" + Guid.NewGuid().ToString("N")[..8];
        var start = Time.GetUtcNow();
        float[] e = [1, 0, 0, 0];
        await store.LogQueriesAsync(
        [
            new(start.AddSeconds(1), tenant, e) { GroundingScore = 0.8, GuardTriggers = 1 },
            new(start.AddSeconds(2), tenant, e) { GroundingScore = 0.6 },
            new(start.AddSeconds(3), tenant, e) { Abstained = true, GuardTriggers = 2 },
            new(start.AddMinutes(10), tenant, e) { Abstained = true },
            new(start.AddSeconds(1), "other-" + tenant, e) { Abstained = true, GuardTriggers = 5 },
        ], None);

        var series = await store.QuerySeriesAsync(start, start.AddHours(1), TimeSpan.FromMinutes(5), tenant, None);
        var all = await store.QuerySeriesAsync(start, start.AddMinutes(5), TimeSpan.FromMinutes(5), null, None);

        Assert.Equal([start, start.AddMinutes(10)], series.Select(b => b.Start));
        Assert.Equal((3L, 1L, 2L, 3L), (series[0].Answers, series[0].Abstentions, series[0].Graded, series[0].GuardTriggers));
        Assert.Equal(0.7, series[0].GroundingMean!.Value, 6);
        Assert.Equal((1L, 1L, (double?)null), (series[1].Answers, series[1].Abstentions, series[1].GroundingMean));
        Assert.True(all.Single().Answers >= 4 && all.Single().GuardTriggers >= 8);
    }

    [SkippableFact]
    public async Task ASeriesThatDoesNotStartAtAWholeSecondIsRefused()
    {
        await using var store = await OpenAsync(Time);
        var start = Time.GetUtcNow().AddMilliseconds(1);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SeriesAsync(new UsageSeriesQuery(start, start.AddHours(1), TimeSpan.FromMinutes(1)), None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.QuerySeriesAsync(start, start.AddHours(1), TimeSpan.FromMinutes(1), null, None));
    }
}
