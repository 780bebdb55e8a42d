using Grounded.Access;

namespace Grounded.Gateway.Limits;

/// <summary>Checks what every <see cref="IRateLimiter"/> call is given, the same way for every implementation here.</summary>
internal static class RateLimitArguments
{
    public static void Check(string key, RateLimit limit, long cost)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        if (limit.Capacity < 1)
        {
            // Only default(RateLimit) gets here: its constructor refuses anything else.
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "the rate limit is empty (default); give it a capacity and a period");
        }
    }
}
