using Grounded.Access;
using StackExchange.Redis;

namespace Grounded.Redis.Tests;

public sealed class RedisRateLimiterTests
{
    private static readonly RateLimit TenPerMinute = new(10, TimeSpan.FromMinutes(1));

    // A prefix of its own per test, so tests running together never share a bucket.
    private readonly RedisOptions _options = new() { ConnectionString = "", KeyPrefix = "test-" + Guid.NewGuid().ToString("N") + ":" };

    [SkippableFact]
    public async Task AllowsTheCapacityThenRefusesWithARetryAfterWithinThePeriod()
    {
        await using var redis = Connect();
        var limiter = new RedisRateLimiter(redis);

        var decisions = new List<RateDecision>();
        for (var i = 0; i < 11; i++)
        {
            decisions.Add(await limiter.AcquireAsync("caller", TenPerMinute, 1, CancellationToken.None));
        }

        Assert.All(decisions[..10], d => Assert.True(d.Allowed));
        Assert.Equal([9L, 8, 7, 6, 5, 4, 3, 2, 1, 0], decisions[..10].Select(d => d.Remaining));
        Assert.False(decisions[10].Allowed);
        Assert.Equal(0, decisions[10].Remaining);
        Assert.InRange(decisions[10].RetryAfter, TimeSpan.FromMilliseconds(1), TenPerMinute.Period);
    }

    [SkippableFact]
    public async Task TwoReplicasOnTwoConnectionsShareOneBucket()
    {
        await using var first = Connect();
        await using var second = Connect();
        IRateLimiter[] replicas = [new RedisRateLimiter(first), new RedisRateLimiter(second)];

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(async () => await replicas[i % 2].AcquireAsync("shared", TenPerMinute, 1, CancellationToken.None))));

        Assert.Equal(10, decisions.Count(d => d.Allowed));
    }

    [SkippableFact]
    public async Task ADebitBeyondTheRemainingTokensMakesTheNextAcquireWaitForTheDebt()
    {
        await using var redis = Connect();
        var limiter = new RedisRateLimiter(redis);

        await limiter.DebitAsync("caller", TenPerMinute, 15, CancellationToken.None);
        var decision = await limiter.AcquireAsync("caller", TenPerMinute, 1, CancellationToken.None);

        Assert.False(decision.Allowed);
        Assert.Equal(0, decision.Remaining);
        // 5 tokens of debt and 1 to take: about 6 tokens at 6 s each.
        Assert.InRange(decision.RetryAfter, TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(36));
    }

    [SkippableFact]
    public async Task TheBucketExpiresWithinTwoPeriodsOfItsLastUse()
    {
        await using var redis = Connect();
        var limit = new RateLimit(10, TimeSpan.FromSeconds(30));

        await new RedisRateLimiter(redis).AcquireAsync("caller", limit, 1, CancellationToken.None);
        var database = await redis.GetDatabaseAsync(CancellationToken.None);
        var ttl = await database.KeyTimeToLiveAsync("ratelimit:caller");

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), 2 * limit.Period);
    }

    [SkippableFact]
    public async Task BucketsAreStoredAsTokensAndServerTimeUnderTheDeploymentPrefix()
    {
        await using var redis = Connect();

        await new RedisRateLimiter(redis).AcquireAsync("caller", TenPerMinute, 3, CancellationToken.None);
        var database = await redis.GetDatabaseAsync(CancellationToken.None);
        var bucket = (await database.HashGetAllAsync("ratelimit:caller")).ToDictionary(e => (string)e.Name!, e => (double)e.Value);

        Assert.InRange(bucket["tokens"], 7, 7.01);
        Assert.InRange(bucket["ts"], DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task AnUnreachableServerThrowsAnOutage()
    {
        await using var redis = new RedisConnection(new RedisOptions { ConnectionString = "127.0.0.1:1", Timeout = TimeSpan.FromMilliseconds(300) });
        var limiter = new RedisRateLimiter(redis);

        var error = await Record.ExceptionAsync(async () => await limiter.AcquireAsync("caller", TenPerMinute, 1, CancellationToken.None));

        Assert.NotNull(error);
        Assert.True(RedisRateLimiter.IsOutage(error), error.ToString());
    }

    [Fact]
    public void CancellationAndBugsAreNotOutages()
    {
        Assert.False(RedisRateLimiter.IsOutage(new OperationCanceledException()));
        Assert.False(RedisRateLimiter.IsOutage(new ArgumentException("bad key")));
        Assert.True(RedisRateLimiter.IsOutage(new RedisException("down")));
        Assert.True(RedisRateLimiter.IsOutage(new TimeoutException()));
    }

    private RedisConnection Connect() => new(_options with { ConnectionString = TestServices.Redis });
}
