using Grounded.Access;
using Grounded.Gateway.Limits;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Gateway.Tests.Limits;

public sealed class TokenBucketLimiterTests
{
    private static readonly RateLimit FivePerMinute = new(5, TimeSpan.FromMinutes(1));
    private readonly FakeTimeProvider _time = new();
    private readonly TokenBucketLimiter _limiter;

    public TokenBucketLimiterTests() => _limiter = new TokenBucketLimiter(_time);

    [Fact]
    public async Task AllowsTheCapacityThenRefusesUntilOneTokenHasRefilled()
    {
        var decisions = new List<RateDecision>();
        for (var i = 0; i < 6; i++)
        {
            decisions.Add(await Acquire("caller", 1));
        }

        Assert.Equal([4L, 3, 2, 1, 0], decisions[..5].Select(d => d.Allowed ? d.Remaining : -1));
        Assert.Equal(new RateDecision(false, 0, TimeSpan.FromSeconds(12)), decisions[5]);
    }

    [Fact]
    public async Task RefillsContinuouslyAtCapacityPerPeriod()
    {
        for (var i = 0; i < 5; i++)
        {
            await Acquire("caller", 1);
        }

        _time.Advance(TimeSpan.FromSeconds(6));
        var halfway = await Acquire("caller", 1);
        _time.Advance(TimeSpan.FromSeconds(6));
        var refilled = await Acquire("caller", 1);
        var after = await Acquire("caller", 1);

        Assert.Equal(new RateDecision(false, 0, TimeSpan.FromSeconds(6)), halfway);
        Assert.Equal(new RateDecision(true, 0, TimeSpan.Zero), refilled);
        Assert.False(after.Allowed);
    }

    [Fact]
    public async Task ACostLargerThanWhatIsLeftIsRefusedAndTakesNothing()
    {
        await Acquire("caller", 3);

        var refused = await Acquire("caller", 3);
        var rest = await Acquire("caller", 2);

        Assert.Equal(new RateDecision(false, 2, TimeSpan.FromSeconds(12)), refused);
        Assert.Equal(new RateDecision(true, 0, TimeSpan.Zero), rest);
    }

    [Fact]
    public async Task ACostAboveTheCapacityIsNeverAllowedEvenFromAFullBucket()
    {
        var refused = await Acquire("caller", 6);
        _time.Advance(TimeSpan.FromHours(1));
        var still = await Acquire("caller", 6);

        // RetryAfter is the time the bucket would need were it not capped; callers compare the cost with Capacity to tell.
        Assert.Equal(new RateDecision(false, 5, TimeSpan.FromSeconds(12)), refused);
        Assert.False(still.Allowed);
    }

    [Fact]
    public async Task ACostOfZeroStillNeedsOneTokenButTakesNone()
    {
        await Acquire("caller", 5);

        var empty = await Acquire("caller", 0);
        _time.Advance(TimeSpan.FromSeconds(12));
        var one = await Acquire("caller", 0);

        Assert.Equal(new RateDecision(false, 0, TimeSpan.FromSeconds(12)), empty);
        Assert.Equal(new RateDecision(true, 1, TimeSpan.Zero), one);
    }

    [Fact]
    public async Task ADebitCanGoIntoDebtAndTheNextAcquireWaitsForIt()
    {
        await _limiter.DebitAsync("caller", FivePerMinute, 8, CancellationToken.None);

        var refused = await Acquire("caller", 1);
        _time.Advance(TimeSpan.FromSeconds(48));
        var allowed = await Acquire("caller", 1);

        // 3 tokens of debt plus the 1 asked for: 4 tokens at 12 s each.
        Assert.Equal(new RateDecision(false, 0, TimeSpan.FromSeconds(48)), refused);
        Assert.True(allowed.Allowed);
    }

    [Fact]
    public async Task ADebitNeverTakesTheBucketBelowMinusItsCapacity()
    {
        await _limiter.DebitAsync("caller", FivePerMinute, 1_000, CancellationToken.None);

        var refused = await Acquire("caller", 1);

        Assert.Equal(TimeSpan.FromSeconds(72), refused.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterIsRoundedUpToWholeMilliseconds()
    {
        var limit = new RateLimit(3, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++)
        {
            await _limiter.AcquireAsync("caller", limit, 1, CancellationToken.None);
        }

        var refused = await _limiter.AcquireAsync("caller", limit, 1, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(334), refused.RetryAfter);
    }

    [Fact]
    public async Task SeparateKeysHaveSeparateBuckets()
    {
        await Acquire("alice", 5);

        var alice = await Acquire("alice", 1);
        var bob = await Acquire("bob", 1);

        Assert.False(alice.Allowed);
        Assert.Equal(new RateDecision(true, 4, TimeSpan.Zero), bob);
    }

    [Fact]
    public async Task ConcurrentAcquiresNeverAllowMoreThanTheCapacity()
    {
        var limit = new RateLimit(1000, TimeSpan.FromMinutes(1));

        var allowed = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            var count = 0;
            for (var i = 0; i < 100; i++)
            {
                count += (await _limiter.AcquireAsync("shared", limit, 1, CancellationToken.None)).Allowed ? 1 : 0;
            }

            return count;
        })));

        Assert.Equal(1000, allowed.Sum());
    }

    [Fact]
    public async Task BucketsThatFilledUpAgainAreForgotten()
    {
        for (var i = 0; i < 1000; i++)
        {
            await Acquire("caller-" + i, 1);
        }

        _time.Advance(FivePerMinute.Period);
        for (var i = 0; i < 1000; i++)
        {
            await Acquire("busy", 1);
        }

        Assert.Equal(1, _limiter.Count);
    }

    [Fact]
    public async Task BucketsStillRefillingAreKept()
    {
        for (var i = 0; i < 100; i++)
        {
            await Acquire("caller-" + i, 1);
        }

        for (var i = 0; i < 1000; i++)
        {
            await Acquire("busy", 1);
        }

        Assert.Equal(101, _limiter.Count);
    }

    [Fact]
    public async Task RefusesAnEmptyKeyANegativeCostAndAnEmptyLimit()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await Acquire("", 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Acquire("caller", -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _limiter.DebitAsync("caller", default, 1, CancellationToken.None));
    }

    private ValueTask<RateDecision> Acquire(string key, long cost) => _limiter.AcquireAsync(key, FivePerMinute, cost, CancellationToken.None);
}
