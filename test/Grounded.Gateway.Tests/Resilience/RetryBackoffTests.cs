using Grounded.Gateway.Config;
using Grounded.Gateway.Resilience;

namespace Grounded.Gateway.Tests.Resilience;

public sealed class RetryBackoffTests
{
    private static readonly ResilienceOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), Jitter = 0.5 };

    [Fact]
    public void DoublesFromTheBaseDelayUpToTheMaximum()
    {
        var backoff = new RetryBackoff(Options, () => 0);

        Assert.Equal([1, 2, 4, 8, 10, 10], Enumerable.Range(0, 6).Select(n => backoff.Delay(n, null).TotalSeconds));
    }

    [Fact]
    public void AddsJitterOfAtMostTheConfiguredFraction()
    {
        var backoff = new RetryBackoff(Options, () => 0.999);

        Assert.InRange(backoff.Delay(1, null).TotalSeconds, 2.99, 3.0);
    }

    [Fact]
    public void RetryAfterReplacesTheComputedDelayButNotBeyondTheMaximum()
    {
        var backoff = new RetryBackoff(Options, () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(3), backoff.Delay(0, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(10), backoff.Delay(0, TimeSpan.FromSeconds(120)));
    }
}
