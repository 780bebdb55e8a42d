using Grounded.Gateway.Limits;
using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

public sealed class GroundedConfigLimitsTests
{
    [Fact]
    public void RedisComesFromTheFileBeforeTheEnvironmentAndRateLimitsFailLocallyByDefault()
    {
        var options = GroundedConfig.Parse("redis: { url: 'redis://cache:6380/2', keyPrefix: 'prod:' }", new Dictionary<string, string?> { ["GROUNDED_REDIS"] = "other:6379" });

        Assert.Equal(("redis://cache:6380/2", "prod:"), (options.Redis.ConnectionString, options.Redis.KeyPrefix));
        Assert.Equal(RateLimitFailure.Local, options.OnRedisFailure);
        Assert.Equal("other:6379", GroundedConfig.Parse("", new Dictionary<string, string?> { ["GROUNDED_REDIS"] = "other:6379" }).Redis.ConnectionString);
        Assert.False(GroundedConfig.Parse("", new Dictionary<string, string?>()).Redis.IsConfigured);
    }

    [Fact]
    public void ABadRedisUrlAndAnUnknownFailureModeAreBothListed()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("redis: { url: 'redis://' }\nlimits: { onRedisFailure: sideways }", new Dictionary<string, string?>()));

        Assert.Contains(error.Problems, p => p.StartsWith("redis.url:", StringComparison.Ordinal));
        Assert.Contains("limits.onRedisFailure: 'sideways' is not local, open or closed", error.Problems);
        Assert.Equal(RateLimitFailure.Closed, GroundedConfig.Parse("limits: { onRedisFailure: closed }", new Dictionary<string, string?>()).OnRedisFailure);
    }
}
