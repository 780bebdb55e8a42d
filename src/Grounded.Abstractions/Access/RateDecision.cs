namespace Grounded.Access;

/// <summary>What <see cref="IRateLimiter.AcquireAsync"/> decided.</summary>
/// <param name="Allowed">Whether the cost was taken.</param>
/// <param name="Remaining">The whole tokens left in the bucket after the call; 0 when it is empty or in debt.</param>
/// <param name="RetryAfter">Zero when allowed; else the time until the bucket holds the cost, rounded up to whole milliseconds, at least 1 ms.</param>
public readonly record struct RateDecision(bool Allowed, long Remaining, TimeSpan RetryAfter);
