using Grounded.Access;

namespace Grounded.Hosting.Access;

/// <summary>
/// A key's requests per minute and tokens per minute, as token buckets in <see cref="IRateLimiter"/> (Redis when configured, so
/// replicas share them): a request takes one request token, and needs a token left in its tokens-per-minute bucket; the
/// tokens it used are settled afterwards.
/// </summary>
public sealed class KeyRateLimits(IRateLimiter limiter)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Gets the limiter the buckets live in.</summary>
    public IRateLimiter Limiter { get; } = limiter;

    /// <summary>Takes one request from the caller's buckets; the outcome says which limit refused it, if one did.</summary>
    public async ValueTask<RateLimitOutcome> AcquireAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RateDecision? requests = null;
        if (caller.RequestsPerMinute is { } rpm)
        {
            requests = await Limiter.AcquireAsync("rpm:" + caller.KeyId, new RateLimit(rpm, Minute), 1, cancellationToken).ConfigureAwait(false);
            if (!requests.Value.Allowed)
            {
                return new RateLimitOutcome("requests", rpm, requests.Value);
            }
        }

        if (caller.TokensPerMinute is { } tpm)
        {
            var tokens = await Limiter.AcquireAsync("tpm:" + caller.KeyId, new RateLimit(tpm, Minute), 0, cancellationToken).ConfigureAwait(false);
            if (!tokens.Allowed)
            {
                return new RateLimitOutcome("tokens", tpm, tokens);
            }
        }

        return requests is { } taken ? new RateLimitOutcome(null, caller.RequestsPerMinute!.Value, taken) : RateLimitOutcome.Unlimited;
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
