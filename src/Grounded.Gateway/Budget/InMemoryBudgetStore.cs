using System.Collections.Concurrent;
using Grounded.Budgets;

namespace Grounded.Gateway.Budget;

/// <summary>
/// Budget counters held in this process: exact under concurrency (one lock per counter) and without I/O, for one replica, or for
/// each replica alone while Redis is out. Counters of periods that are over are dropped a few calls later.
/// </summary>
public sealed class InMemoryBudgetStore : IBudgetStore
{
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _calls;

    /// <summary>Creates an empty store that reads the time (to drop past periods) from <paramref name="time"/>; the system clock when null.</summary>
    public InMemoryBudgetStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Gets how many counters are held.</summary>
    internal int Count => _counters.Count;

    /// <inheritdoc />
    public ValueTask<BudgetDecision> ReserveAsync(BudgetCounter counter, decimal amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        cancellationToken.ThrowIfCancellationRequested();
        Sweep();
        var held = _counters.GetOrAdd(counter.Key, static (_, resetsAt) => new Counter(resetsAt), counter.ResetsAt);
        lock (held.Gate)
        {
            var decision = new BudgetDecision(null, held.Spent, held.Reserved);
            if (held.Spent + held.Reserved + amount > counter.Limit)
            {
                return ValueTask.FromResult(decision);
            }

            held.Reserved += amount;
            return ValueTask.FromResult(decision with { Reservation = new BudgetReservation(counter, amount) });
        }
    }

    /// <inheritdoc />
    public ValueTask SettleAsync(BudgetReservation reservation, decimal actual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentOutOfRangeException.ThrowIfNegative(actual);
        if (_counters.TryGetValue(reservation.Counter.Key, out var held))
        {
            lock (held.Gate)
            {
                held.Reserved = Math.Max(0, held.Reserved - reservation.Amount);
                held.Spent += actual;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Returns the dollars settled on <paramref name="key"/> (0 for a counter not held).</summary>
    internal decimal Spent(string key)
    {
        if (!_counters.TryGetValue(key, out var held))
        {
            return 0;
        }

        lock (held.Gate)
        {
            return held.Spent;
        }
    }

    private void Sweep()
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery != 0)
        {
            return;
        }

        // A period that is over is never counted again: its key names the period.
        var now = _time.GetUtcNow();
        foreach (var (key, held) in _counters)
        {
            if (held.ResetsAt <= now)
            {
                _counters.TryRemove(new KeyValuePair<string, Counter>(key, held));
            }
        }
    }

    private sealed class Counter(DateTimeOffset resetsAt)
    {
        public Lock Gate { get; } = new();

        public DateTimeOffset ResetsAt { get; } = resetsAt;

        public decimal Spent { get; set; }

        public decimal Reserved { get; set; }
    }
}
