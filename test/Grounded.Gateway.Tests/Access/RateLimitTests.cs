using Grounded.Access;

namespace Grounded.Gateway.Tests.Access;

// Grounded.Abstractions has no test project of its own; its first user's tests check its contract types.
public sealed class RateLimitTests
{
    [Fact]
    public void RefusesACapacityBelowOneAndAPeriodOfZeroOrLess()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimit(0, TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimit(1, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimit(1, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void RefusesAnInvalidValueGivenThroughWith()
    {
        var limit = new RateLimit(10, TimeSpan.FromMinutes(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => limit with { Capacity = 0 });
        Assert.Equal(new RateLimit(20, TimeSpan.FromMinutes(1)), limit with { Capacity = 20 });
    }
}
