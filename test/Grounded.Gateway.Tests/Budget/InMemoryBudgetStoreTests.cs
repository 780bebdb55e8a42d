using Grounded.Budgets;
using Grounded.Gateway.Budget;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Gateway.Tests.Budget;

public sealed class InMemoryBudgetStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly BudgetCounter _counter;

    public InMemoryBudgetStoreTests() => _counter = new BudgetCounter("tenant:acme:day:2026-12-02", 1.00m, new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ReservesWhileSpentPlusReservedPlusTheAmountFitsTheLimit()
    {
        var store = new InMemoryBudgetStore(_time);

        var decisions = new[] { await Reserve(store, 0.40m), await Reserve(store, 0.40m), await Reserve(store, 0.40m), await Reserve(store, 0.20m) };

        Assert.Equal([true, true, false, true], decisions.Select(d => d.Allowed));
        Assert.Equal(0.80m, decisions[2].Reserved);
        Assert.Equal(0m, decisions[2].Spent);
    }

    [Fact]
    public async Task SettlingReplacesTheReservationWithTheActualCost()
    {
        var store = new InMemoryBudgetStore(_time);
        var first = await Reserve(store, 0.90m);

        await store.SettleAsync(first.Reservation!, 0.25m, CancellationToken.None);
        var next = await Reserve(store, 0.75m);

        Assert.True(next.Allowed);
        Assert.Equal(0.25m, next.Spent);
        Assert.Equal(0m, next.Reserved);
        Assert.Equal(0.25m, store.Spent(_counter.Key));
    }

    [Fact]
    public async Task ParallelReservationsNeverHoldMoreThanTheLimit()
    {
        var store = new InMemoryBudgetStore(_time);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () => await Reserve(store, 0.03m))));

        Assert.Equal(33, decisions.Count(d => d.Allowed));
    }

    [Fact]
    public async Task DropsTheCountersOfPeriodsThatAreOver()
    {
        var store = new InMemoryBudgetStore(_time);
        await Reserve(store, 0.10m);

        _time.SetUtcNow(_counter.ResetsAt);
        for (var i = 0; i < 256; i++)
        {
            await store.ReserveAsync(_counter with { Key = "tenant:acme:day:2026-12-03", ResetsAt = _counter.ResetsAt.AddDays(1) }, 0, CancellationToken.None);
        }

        Assert.Equal(1, store.Count);
        Assert.Equal(0m, store.Spent(_counter.Key));
    }

    private ValueTask<BudgetDecision> Reserve(InMemoryBudgetStore store, decimal amount) => store.ReserveAsync(_counter, amount, CancellationToken.None);
}
