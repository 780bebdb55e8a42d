using Grounded.Access;
using Grounded.Gateway.Limits;
using Grounded.Gateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Gateway.Tests.Limits;

public sealed class FailoverRateLimiterTests
{
    private static readonly RateLimit ThreePerMinute = new(3, TimeSpan.FromMinutes(1));
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedRateLimiter _primary = new();

    [Fact]
    public async Task AnswersFromThePrimaryWhileItIsUp()
    {
        var limiter = Failover(RateLimitFailure.Closed);

        var decision = await Acquire(limiter);

        Assert.Equal(_primary.Decision, decision);
        Assert.Equal(0, limiter.Outages);
    }

    [Fact]
    public async Task LocalModeEnforcesTheLimitInThisProcessDuringAnOutage()
    {
        var limiter = Failover(RateLimitFailure.Local);
        _primary.Failure = new TimeoutException();

        var decisions = new[] { await Acquire(limiter), await Acquire(limiter), await Acquire(limiter), await Acquire(limiter) };

        Assert.Equal([true, true, true, false], decisions.Select(d => d.Allowed));
        Assert.Equal(TimeSpan.FromSeconds(20), decisions[3].RetryAfter);
    }

    [Fact]
    public async Task LocalModeSettlesDebitsInThisProcessDuringAnOutage()
    {
        var limiter = Failover(RateLimitFailure.Local);
        _primary.Failure = new TimeoutException();

        await limiter.DebitAsync("caller", ThreePerMinute, 3, CancellationToken.None);

        Assert.False((await Acquire(limiter)).Allowed);
    }

    [Fact]
    public async Task OpenModeAllowsEveryCallWithTheWholeCapacityLeft()
    {
        var limiter = Failover(RateLimitFailure.Open);
        _primary.Failure = new TimeoutException();

        await limiter.DebitAsync("caller", ThreePerMinute, 100, CancellationToken.None);
        var decisions = new[] { await Acquire(limiter), await Acquire(limiter), await Acquire(limiter), await Acquire(limiter) };

        Assert.All(decisions, d => Assert.Equal(new RateDecision(true, 3, TimeSpan.Zero), d));
    }

    [Fact]
    public async Task ClosedModeRefusesEveryCallForASecond()
    {
        var limiter = Failover(RateLimitFailure.Closed);
        _primary.Failure = new TimeoutException();

        var decision = await Acquire(limiter);

        Assert.Equal(new RateDecision(false, 0, TimeSpan.FromSeconds(1)), decision);
    }

    [Fact]
    public async Task LeavesThePrimaryAloneUntilTheBackOffHasElapsed()
    {
        var limiter = Failover(RateLimitFailure.Open);
        _primary.Failure = new TimeoutException();

        await Acquire(limiter);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Acquire(limiter);
        await limiter.DebitAsync("caller", ThreePerMinute, 1, CancellationToken.None);
        var callsDuringBackOff = _primary.Calls;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Acquire(limiter);

        Assert.Equal(1, callsDuringBackOff);
        Assert.Equal(2, _primary.Calls);
        Assert.Equal(2, limiter.Outages);
    }

    [Fact]
    public async Task OnlyOneCallTriesThePrimaryAgainWhileTheOthersKeepTheFallback()
    {
        var limiter = Failover(RateLimitFailure.Open);
        _primary.Failure = new TimeoutException();
        await Acquire(limiter);
        _time.Advance(TimeSpan.FromSeconds(1));
        var probeAnswers = new TaskCompletionSource();
        _primary.Gate = probeAnswers.Task;

        var probe = Acquire(limiter).AsTask();
        var others = new[] { await Acquire(limiter), await Acquire(limiter) };
        probeAnswers.SetResult();
        await probe;

        Assert.Equal(2, _primary.Calls);
        Assert.All(others, d => Assert.True(d.Allowed));
    }

    [Fact]
    public async Task GoesBackToThePrimaryOnceItIsUpAgain()
    {
        var limiter = Failover(RateLimitFailure.Closed);
        _primary.Failure = new TimeoutException();
        await Acquire(limiter);

        _primary.Failure = null;
        _time.Advance(TimeSpan.FromSeconds(1));
        var recovered = await Acquire(limiter);
        var next = await Acquire(limiter);

        Assert.Equal(_primary.Decision, recovered);
        Assert.Equal(_primary.Decision, next);
        Assert.Equal(3, _primary.Calls);
        Assert.Equal(1, limiter.Outages);
    }

    [Fact]
    public async Task ForgetsTheLocalBucketsOnceThePrimaryIsUpAgain()
    {
        var limiter = Failover(RateLimitFailure.Local);
        _primary.Failure = new TimeoutException();
        await limiter.DebitAsync("caller", ThreePerMinute, 3, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        _primary.Failure = null;
        await Acquire(limiter);

        _primary.Failure = new TimeoutException();
        var nextOutage = await Acquire(limiter);

        Assert.Equal(new RateDecision(true, 2, TimeSpan.Zero), nextOutage);
    }

    [Fact]
    public async Task FailuresThatAreNotOutagesAreThrown()
    {
        var limiter = Failover(RateLimitFailure.Open);
        _primary.Failure = new InvalidOperationException("a bug");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Acquire(limiter));
        Assert.Equal(0, limiter.Outages);
    }

    [Fact]
    public void RefusesAnUnknownModeAndABackOffOfZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FailoverRateLimiter(_primary, _ => true, (RateLimitFailure)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FailoverRateLimiter(_primary, _ => true, RateLimitFailure.Open, backOff: TimeSpan.Zero));
    }

    private FailoverRateLimiter Failover(RateLimitFailure mode) => new(_primary, error => error is TimeoutException, mode, _time);

    private static ValueTask<RateDecision> Acquire(FailoverRateLimiter limiter) =>
        limiter.AcquireAsync("caller", ThreePerMinute, 1, CancellationToken.None);
}
