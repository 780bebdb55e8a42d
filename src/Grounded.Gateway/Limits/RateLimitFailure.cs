namespace Grounded.Gateway.Limits;

/// <summary>What <see cref="FailoverRateLimiter"/> answers while the shared limiter (Redis) cannot be reached.</summary>
public enum RateLimitFailure
{
    /// <summary>Each replica enforces the limit on its own, from buckets in its own memory, until the shared limiter is back.</summary>
    Local,

    /// <summary>Every request is allowed: availability over the limit.</summary>
    Open,

    /// <summary>Every request is refused, to retry after a second: the limit over availability.</summary>
    Closed,
}
