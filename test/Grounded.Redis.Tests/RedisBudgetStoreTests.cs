using Grounded.Budgets;

namespace Grounded.Redis.Tests;

public sealed class RedisBudgetStoreTests
{
    // A prefix of its own per test, so tests running together never share a counter.
    private readonly RedisOptions _options = new() { ConnectionString = "", KeyPrefix = "test-" + Guid.NewGuid().ToString("N") + ":" };
    private readonly BudgetCounter _counter = new("tenant:acme:day:2026-12-02", 1.00m, DateTimeOffset.UtcNow.AddHours(3));

    [SkippableFact]
    public async Task ReservesWhileSpentPlusReservedPlusTheAmountFitsTheLimit()
    {
        await using var redis = Connect();
        var store = new RedisBudgetStore(redis);

        var decisions = new[] { await Reserve(store, 0.40m), await Reserve(store, 0.40m), await Reserve(store, 0.40m), await Reserve(store, 0.20m) };

        Assert.Equal([true, true, false, true], decisions.Select(d => d.Allowed));
        Assert.Equal(0.80m, decisions[2].Reserved);
        Assert.Equal(0m, decisions[2].Spent);
    }

    [SkippableFact]
    public async Task SettlingReplacesTheReservationWithTheActualCost()
    {
        await using var redis = Connect();
        var store = new RedisBudgetStore(redis);
        var first = await Reserve(store, 0.90m);

        await store.SettleAsync(first.Reservation!, 0.000123456m, CancellationToken.None);
        var next = await Reserve(store, 0.99m);

        Assert.True(next.Allowed);
        Assert.Equal(0.000123456m, next.Spent);
        Assert.Equal(0m, next.Reserved);
        Assert.Equal(0.000123456m, await store.SpentAsync(_counter.Key, CancellationToken.None));
    }

    [SkippableFact]
    public async Task TwoReplicasOnTwoConnectionsNeverHoldMoreThanTheLimit()
    {
        await using var first = Connect();
        await using var second = Connect();
        IBudgetStore[] replicas = [new RedisBudgetStore(first), new RedisBudgetStore(second)];

        var decisions = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(async () => await replicas[i % 2].ReserveAsync(_counter, 0.03m, CancellationToken.None))));

        Assert.Equal(33, decisions.Count(d => d.Allowed));
    }

    [SkippableFact]
    public async Task ACounterExpiresAnHourAfterItsPeriodEnds()
    {
        await using var redis = Connect();

        await Reserve(new RedisBudgetStore(redis), 0.10m);
        var database = await redis.GetDatabaseAsync(CancellationToken.None);
        var ttl = await database.KeyTimeToLiveAsync("budget:" + _counter.Key);

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(3.9), TimeSpan.FromHours(4));
    }

    [SkippableFact]
    public async Task ASettleAfterTheCounterExpiredLeavesNothingBehind()
    {
        await using var redis = Connect();
        var store = new RedisBudgetStore(redis);
        var past = _counter with { Key = "tenant:acme:day:2026-11-30", ResetsAt = DateTimeOffset.UtcNow.AddDays(-1) };

        await store.SettleAsync(new BudgetReservation(past, 0.40m), 0.30m, CancellationToken.None);
        var database = await redis.GetDatabaseAsync(CancellationToken.None);

        Assert.False(await database.KeyExistsAsync("budget:" + past.Key));
    }

    [Fact]
    public async Task AnUnreachableServerThrowsAnOutage()
    {
        await using var redis = new RedisConnection(new RedisOptions { ConnectionString = "127.0.0.1:1", Timeout = TimeSpan.FromMilliseconds(300) });

        var error = await Record.ExceptionAsync(async () => await Reserve(new RedisBudgetStore(redis), 0.10m));

        Assert.NotNull(error);
        Assert.True(RedisRateLimiter.IsOutage(error), error.ToString());
    }

    private ValueTask<BudgetDecision> Reserve(RedisBudgetStore store, decimal amount) => store.ReserveAsync(_counter, amount, CancellationToken.None);

    private RedisConnection Connect() => new(_options with { ConnectionString = TestServices.Redis });
}
