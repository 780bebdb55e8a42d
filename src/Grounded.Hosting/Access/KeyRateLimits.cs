using Grounded.Access;

namespace Grounded.Hosting.Access;

/// <summary>
/// A key's requests per minute and tokens per minute, as token buckets in <see cref="IRateLimiter"/> (Redis when configured, so
/// replicas share them): a request takes one request token, and needs a token left in its tokens-per-minute bucket; the
/// tokens it used are settled afterwards. Both buckets are asked at once, so a request refused for tokens has still used
/// one of its requests.
/// </summary>
public sealed class KeyRateLimits(IRateLimiter limiter)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly RateDecision Unlimited = new(true, 0, TimeSpan.Zero);

    /// <summary>Gets the limiter the buckets live in.</summary>
    public IRateLimiter Limiter { get; } = limiter;

    /// <summary>Takes one request from the caller's buckets; the outcome says which limit refused it, if one did.</summary>
    public async ValueTask<RateLimitOutcome> AcquireAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // Both buckets are asked at once (one round trip to Redis, pipelined); the token check takes nothing.
        var requests = caller.RequestsPerMinute is { } rpm
            ? Limiter.AcquireAsync("rpm:" + caller.KeyId, new RateLimit(rpm, Minute), 1, cancellationToken) : ValueTask.FromResult(Unlimited);
        var tokens = caller.TokensPerMinute is { } tpm
            ? Limiter.AcquireAsync("tpm:" + caller.KeyId, new RateLimit(tpm, Minute), 0, cancellationToken) : ValueTask.FromResult(Unlimited);
        var (taken, room) = (await requests.ConfigureAwait(false), await tokens.ConfigureAwait(false));
        return !taken.Allowed ? new RateLimitOutcome("requests", caller.RequestsPerMinute!.Value, taken) { RequestsLeft = 0 }
            : !room.Allowed ? new RateLimitOutcome("tokens", caller.TokensPerMinute!.Value, room) { RequestsLeft = taken.Remaining }
            : caller.RequestsPerMinute is { } limit ? new RateLimitOutcome(null, limit, taken) { RequestsLeft = taken.Remaining } : RateLimitOutcome.Unlimited;
    }

    /// <summary>Settles the model tokens a request used against the caller's tokens-per-minute bucket.</summary>
    public ValueTask SettleAsync(CallerIdentity caller, long tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.TokensPerMinute is { } tpm && tokens > 0
            ? Limiter.DebitAsync("tpm:" + caller.KeyId, new RateLimit(tpm, Minute), tokens, cancellationToken)
            : ValueTask.CompletedTask;
    }
}
