using System.Globalization;
using Grounded.Access;
using StackExchange.Redis;

namespace Grounded.Redis;

/// <summary>
/// Token buckets shared by every replica, kept in Redis under <c>ratelimit:KEY</c> (after the deployment's prefix); each call is one
/// atomic script, so replicas never both take the last token. A call cancelled after it was sent may still take its tokens.
/// </summary>
public sealed class RedisRateLimiter : IRateLimiter
{
    private const string KeyPrefix = "ratelimit:";
    private readonly RedisConnection _connection;

    /// <summary>Creates a limiter over <paramref name="connection"/> (nothing is sent until the first call).</summary>
    public RedisRateLimiter(RedisConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    /// <summary>Returns whether <paramref name="error"/> means Redis could not be reached or could not answer (an outage, not a bug).</summary>
    public static bool IsOutage(Exception error) => error is RedisException or TimeoutException;

    /// <inheritdoc />
    public async ValueTask<RateDecision> AcquireAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken)
    {
        var result = await RunAsync(key, limit, cost, "acquire", cancellationToken).ConfigureAwait(false);
        var allowed = (long)result[0] == 1;
        var remaining = Math.Max(0, (long)result[1]);
        var retryAfter = allowed ? TimeSpan.Zero : RetryAfter((long)result[2]);
        return new RateDecision(allowed, remaining, retryAfter);
    }

    /// <inheritdoc />
    public async ValueTask DebitAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken) =>
        await RunAsync(key, limit, cost, "debit", cancellationToken).ConfigureAwait(false);

    private static TimeSpan RetryAfter(long milliseconds) =>
        milliseconds >= (long)TimeSpan.MaxValue.TotalMilliseconds ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(Math.Max(1, milliseconds));

    private async Task<RedisResult[]> RunAsync(string key, RateLimit limit, long cost, string operation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        if (limit.Capacity < 1)
        {
            // Only default(RateLimit) gets here: its constructor refuses anything else.
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "the rate limit is empty (default); give it a capacity and a period");
        }

        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        RedisValue[] arguments =
        [
            limit.Capacity,
            limit.Period.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture),
            cost,
            operation,
        ];
        var result = await database.ScriptEvaluateAsync(TokenBucketScript.Source, [KeyPrefix + key], arguments)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return (RedisResult[])result!;
    }
}
