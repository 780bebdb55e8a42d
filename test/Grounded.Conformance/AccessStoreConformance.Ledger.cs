using Grounded.Usage;

namespace Grounded.Conformance;

/// <summary>The usage ledger every access store keeps: rows appended in batches and summed exactly, by any grouping, within a time range and a tenant.</summary>
public abstract partial class AccessStoreConformance
{
    [SkippableFact]
    public async Task TheLedgerSumsRequestsByModelWithExactDollars()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "ledger-" + Guid.NewGuid().ToString("N")[..8];
        var at = Time.GetUtcNow();
        await store.RecordAsync(
        [
            Row(at, tenant, "small", 0.000123456m) with { InputTokens = 100, OutputTokens = 20, KeyId = "k1" },
            Row(at, tenant, "small", 0.000000001m) with { InputTokens = 1, OutputTokens = 1, KeyId = "k2", Status = 502 },
            Row(at, tenant, "large", 0.5m) with { InputTokens = 1000, CachedInputTokens = 400, OutputTokens = 500, KeyId = "k1" },
            Row(at, tenant, null, 0m) with { Cache = "exact", SavedUsd = 0.5m, KeyId = "k1" },
        ], None);

        var byModel = await store.SummarizeAsync(new UsageQuery(at.AddMinutes(-1), UsageGrouping.Model) { Tenant = tenant }, None);

        Assert.Equal(["large", "small", "cache"], byModel.Select(r => r.Key));
        var small = byModel.Single(r => r.Key == "small");
        Assert.Equal((2L, 101L, 21L, 0.000123457m, 1L), (small.Requests, small.InputTokens, small.OutputTokens, small.CostUsd, small.Errors));
        Assert.Equal(400, byModel.Single(r => r.Key == "large").CachedInputTokens);
        var cache = byModel.Single(r => r.Key == "cache");
        Assert.Equal((1L, 0.5m, 0m), (cache.CacheHits, cache.SavedUsd, cache.CostUsd));
    }

    [SkippableFact]
    public async Task TheLedgerGroupsByDayKeyAndUserWithinTheRangeAndTenantAsked()
    {
        await using var store = await OpenAsync(Time);
        var tenant = "ledger-" + Guid.NewGuid().ToString("N")[..8];
        var today = Time.GetUtcNow();
        await store.RecordAsync(
        [
            Row(today.AddDays(-10), tenant, "small", 1m),
            Row(today.AddDays(-1), tenant, "small", 2m) with { KeyId = "k1", EndUser = "alice" },
            Row(today, tenant, "small", 3m) with { KeyId = "k1", EndUser = "bob" },
            Row(today, tenant, "small", 4m) with { KeyId = "k2", EndUser = "bob" },
            Row(today, "other-" + tenant, "small", 100m),
        ], None);
        var week = new UsageQuery(today.AddDays(-7), UsageGrouping.Day) { Tenant = tenant };

        var byDay = await store.SummarizeAsync(week, None);
        var byKey = await store.SummarizeAsync(week with { By = UsageGrouping.Key }, None);
        var byUser = await store.SummarizeAsync(week with { By = UsageGrouping.User }, None);

        Assert.Equal([(today.ToString("yyyy-MM-dd"), 7m), (today.AddDays(-1).ToString("yyyy-MM-dd"), 2m)], byDay.Select(r => (r.Key, r.CostUsd)));
        Assert.Equal([("k1", 5m), ("k2", 4m)], byKey.Select(r => (r.Key, r.CostUsd)));
        Assert.Equal([("bob", 7m), ("alice", 2m)], byUser.Select(r => (r.Key, r.CostUsd)));
    }

    private static UsageRecord Row(DateTimeOffset at, string tenant, string? model, decimal cost) =>
        new(at, "req_" + Guid.NewGuid().ToString("N"), "chat") { Tenant = tenant, Model = model, RequestedModel = model ?? "small", CostUsd = cost, Status = 200, LatencyMs = 12.5 };
}
