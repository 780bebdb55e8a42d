using Grounded.Gateway.Config;

namespace Grounded.Gateway.Resilience;

/// <summary>
/// The delay before retry <c>n</c> (from 0): <c>baseDelay × 2ⁿ</c> capped at <c>maxDelay</c>, plus a random extra of up
/// to <c>jitter</c> × that delay; a provider's Retry-After replaces the computed delay (still capped at <c>maxDelay</c>).
/// </summary>
internal sealed class RetryBackoff(ResilienceOptions options, Func<double> random)
{
    public TimeSpan Delay(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < options.MaxDelay ? asked : options.MaxDelay;
        }

        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var delay = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay + (random() * options.Jitter * delay));
    }
}
