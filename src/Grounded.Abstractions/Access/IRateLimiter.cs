namespace Grounded.Access;

/// <summary>
/// Per-key token buckets: each key holds at most <see cref="RateLimit.Capacity"/> tokens, refilled continuously at Capacity per
/// <see cref="RateLimit.Period"/>; a bucket never seen before starts full. Implementations are safe to call concurrently.
/// </summary>
public interface IRateLimiter
{
    /// <summary>
    /// Refills the bucket <paramref name="key"/>, then takes <paramref name="cost"/> if it holds at least max(cost, 1); otherwise takes
    /// nothing and says when it will.
    /// </summary>
    /// <remarks>
    /// A cost of 0 takes nothing but still needs one token. A cost above Capacity is never allowed; its RetryAfter is then the time the
    /// bucket would need were it not capped, so callers that accept such costs should compare the cost with Capacity first.
    /// </remarks>
    /// <param name="key">The bucket, e.g. a caller or tenant; must not be empty.</param>
    /// <param name="limit">The bucket's capacity and refill period.</param>
    /// <param name="cost">The tokens to take; 0 or more.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<RateDecision> AcquireAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken);

    /// <summary>
    /// Refills the bucket <paramref name="key"/>, then subtracts <paramref name="cost"/> unconditionally (the bucket may go negative, never
    /// below -Capacity): settles a cost known only afterwards, such as the tokens a model used.
    /// </summary>
    /// <param name="key">The bucket, e.g. a caller or tenant; must not be empty.</param>
    /// <param name="limit">The bucket's capacity and refill period.</param>
    /// <param name="cost">The tokens to subtract; 0 or more.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask DebitAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken);
}
