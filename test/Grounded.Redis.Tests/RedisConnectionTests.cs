using Grounded.Conformance;
using StackExchange.Redis;

namespace Grounded.Redis.Tests;

public sealed class RedisConnectionTests
{
    [SkippableFact]
    public async Task TheHealthCheckOfARunningServerIsHealthyWithItsLatency()
    {
        await using var redis = new RedisConnection(new RedisOptions { ConnectionString = TestServices.Redis });

        var health = await redis.CheckHealthAsync(CancellationToken.None);

        Assert.True(health.Healthy, health.Error);
        Assert.Null(health.Error);
        Assert.InRange(health.LatencyMs, 0, 5000);
    }

    [SkippableFact]
    public async Task KeysAreWrittenUnderTheDeploymentPrefixAndReadBackThroughAnotherConnection()
    {
        var server = TestServices.Redis;
        var key = "test:" + Guid.NewGuid().ToString("N");
        await using (var writer = new RedisConnection(new RedisOptions { ConnectionString = server, KeyPrefix = "tenant-a:" }))
        {
            var db = await writer.GetDatabaseAsync(CancellationToken.None);
            Assert.True(await db.StringSetAsync(key, "42", TimeSpan.FromMinutes(1)));
        }

        await using var reader = new RedisConnection(new RedisOptions { ConnectionString = "redis://" + server, KeyPrefix = "tenant-a:" });
        await using var other = new RedisConnection(new RedisOptions { ConnectionString = server, KeyPrefix = "tenant-b:" });
        Assert.Equal("42", (string?)await (await reader.GetDatabaseAsync(CancellationToken.None)).StringGetAsync(key));
        Assert.False((await (await other.GetDatabaseAsync(CancellationToken.None)).StringGetAsync(key)).HasValue);
    }

    [Fact]
    public async Task AnUnreachableServerIsReportedUnhealthyNotThrown()
    {
        await using var redis = new RedisConnection(new RedisOptions { ConnectionString = "127.0.0.1:1", Timeout = TimeSpan.FromMilliseconds(300) });

        var health = await redis.CheckHealthAsync(CancellationToken.None);

        Assert.False(health.Healthy);
        Assert.False(string.IsNullOrWhiteSpace(health.Error));
    }

    [Fact]
    public void OptionsListEveryProblemTogether()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisConnection(new RedisOptions { ConnectionString = "", Timeout = TimeSpan.Zero, KeyPrefix = "" }));

        Assert.Contains("GROUNDED_REDIS", error.Message, StringComparison.Ordinal);
        Assert.Contains("timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("key prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsRedisUrlsWithPasswordAndDatabase()
    {
        var options = RedisConnection.Parse("redis://:pa%3Ass@cache.internal:6380/3");

        Assert.Equal(("pa:ss", 3, "cache.internal:6380"), (options.Password, options.DefaultDatabase, options.EndPoints.Single().ToString()!.Replace("Unspecified/", "", StringComparison.Ordinal)));
    }
}
