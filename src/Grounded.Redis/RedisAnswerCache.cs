using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace Grounded.Redis;

/// <summary>The answer cache's shared level: Microsoft's Redis <see cref="IDistributedCache"/> over Grounded's connection and key prefix.</summary>
public static class RedisAnswerCache
{
    /// <summary>Returns a distributed cache that keeps entries under <c>{prefix}cache:</c> in the Redis <paramref name="connection"/> reaches.</summary>
    /// <remarks>
    /// A call that fails or takes longer than half a second is a miss, and Redis is then skipped for 15 seconds: the
    /// shared level speeds requests up and never holds one up while Redis is away.
    /// </remarks>
    public static IDistributedCache Create(RedisConnection connection, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new GuardedDistributedCache(
            new RedisCache(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => connection.GetMultiplexerAsync(CancellationToken.None),
                InstanceName = connection.KeyPrefix + "cache:",
            }),
            time ?? TimeProvider.System);
    }
}
