using Grounded.Gateway.Limits;
using Grounded.Redis;

namespace Grounded.Hosting.Config;

/// <summary>Reads <c>redis:</c> (<c>url</c>, <c>keyPrefix</c>; the URL falls back to <c>$GROUNDED_REDIS</c>) and <c>limits.onRedisFailure</c>.</summary>
internal static class LimitsConfig
{
    public static (RedisOptions Redis, RateLimitFailure OnFailure) Validate(ConfigDocument document, IDictionary<string, string?> environment, List<string> problems)
    {
        var url = document.Redis.Url ?? (environment.TryGetValue(RedisOptions.EnvironmentVariable, out var fromEnvironment) ? fromEnvironment : null) ?? string.Empty;
        var redis = new RedisOptions { ConnectionString = url.Trim() };
        if (document.Redis.KeyPrefix is { } prefix)
        {
            redis = redis with { KeyPrefix = prefix };
        }

        if (redis.IsConfigured)
        {
            problems.AddRange(redis.Validate().Select(p => "redis: " + p));
            try
            {
                RedisConnection.Parse(redis.ConnectionString);
            }
            catch (ArgumentException e)
            {
                problems.Add("redis.url: " + e.Message);
            }
        }

        var onFailure = RateLimitFailure.Local;
        if (document.Limits.OnRedisFailure is { } mode && (!Enum.TryParse(mode, ignoreCase: true, out onFailure) || !Enum.IsDefined(onFailure) || mode.Trim().All(char.IsAsciiDigit)))
        {
            problems.Add($"limits.onRedisFailure: '{mode}' is not local, open or closed");
        }

        return (redis, onFailure);
    }
}
