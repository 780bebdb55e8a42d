using Grounded.Budgets;
using Grounded.Gateway.Budget;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Limits;
using Grounded.Gateway.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Gateway.Tests.Budget;

public sealed class FailoverBudgetStoreTests
{
    private static readonly BudgetCounter Counter = new("tenant:acme:day:2026-12-02", 1.00m, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly ScriptedBudgetStore _primary = new();

    [Fact]
    public async Task CountsInThePrimaryWhileItIsUp()
    {
        var store = Failover(RateLimitFailure.Closed);

        var decision = await Reserve(store, 0.40m);
        await store.SettleAsync(decision.Reservation!, 0.30m, CancellationToken.None);

        Assert.Equal(0.30m, _primary.Counters.Spent(Counter.Key));
        Assert.Equal(0, store.Outages);
    }

    [Fact]
    public async Task LocalModeEnforcesTheBudgetInThisProcessDuringAnOutage()
    {
        var store = Failover(RateLimitFailure.Local);
        _primary.Failure = new TimeoutException();

        var decisions = new[] { await Reserve(store, 0.40m), await Reserve(store, 0.40m), await Reserve(store, 0.40m) };

        Assert.Equal([true, true, false], decisions.Select(d => d.Allowed));
    }

    [Fact]
    public async Task OpenModeAdmitsEveryRequestDuringAnOutage()
    {
        var store = Failover(RateLimitFailure.Open);
        _primary.Failure = new TimeoutException();

        var decisions = new[] { await Reserve(store, 0.60m), await Reserve(store, 0.60m), await Reserve(store, 0.60m) };

        Assert.All(decisions, d => Assert.True(d.Allowed));
    }

    [Fact]
    public async Task ClosedModeRefusesWithA503ToRetryInASecond()
    {
        var store = Failover(RateLimitFailure.Closed);
        _primary.Failure = new TimeoutException();

        var refused = await Assert.ThrowsAsync<BudgetUnavailableException>(async () => await Reserve(store, 0.10m));

        Assert.Equal(503, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
    }

    [Fact]
    public async Task WhatWasSpentDuringAnOutageReachesThePrimaryIfItIsBackWhenTheRequestSettles()
    {
        var store = Failover(RateLimitFailure.Local);
        _primary.Failure = new TimeoutException();
        var admitted = await Reserve(store, 0.40m);

        _primary.Failure = null;
        _time.Advance(TimeSpan.FromSeconds(1));
        await Reserve(store, 0); // finds the primary back
        await store.SettleAsync(admitted.Reservation!, 0.35m, CancellationToken.None);

        Assert.Equal(0.35m, _primary.Counters.Spent(Counter.Key));
    }

    [Fact]
    public async Task LeavesThePrimaryAloneUntilTheBackOffHasElapsed()
    {
        var store = Failover(RateLimitFailure.Open);
        _primary.Failure = new TimeoutException();

        await Reserve(store, 0.10m);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Reserve(store, 0.10m);
        var callsDuringBackOff = _primary.Calls;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Reserve(store, 0.10m);

        Assert.Equal(1, callsDuringBackOff);
        Assert.Equal(2, _primary.Calls);
    }

    [Fact]
    public async Task FailuresThatAreNotOutagesAreThrown()
    {
        var store = Failover(RateLimitFailure.Open);
        _primary.Failure = new InvalidOperationException("a bug");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Reserve(store, 0.10m));
        Assert.Equal(0, store.Outages);
    }

    private FailoverBudgetStore Failover(RateLimitFailure mode) => new(_primary, error => error is TimeoutException, mode, _time);

    private static ValueTask<BudgetDecision> Reserve(FailoverBudgetStore store, decimal amount) => store.ReserveAsync(Counter, amount, CancellationToken.None);
}
