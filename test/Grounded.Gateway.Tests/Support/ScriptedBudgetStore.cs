using Grounded.Budgets;
using Grounded.Gateway.Budget;

namespace Grounded.Gateway.Tests.Support;

/// <summary>A primary budget store that counts in memory unless a test makes it fail; it counts the calls it gets.</summary>
internal sealed class ScriptedBudgetStore : IBudgetStore
{
    private int _calls;

    /// <summary>Gets what the store counts in while it works.</summary>
    public InMemoryBudgetStore Counters { get; } = new();

    /// <summary>Gets or sets what every call throws; null to answer.</summary>
    public Exception? Failure { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<BudgetDecision> ReserveAsync(BudgetCounter counter, decimal amount, CancellationToken cancellationToken)
    {
        Enter();
        return Counters.ReserveAsync(counter, amount, cancellationToken);
    }

    public ValueTask SettleAsync(BudgetReservation reservation, decimal actual, CancellationToken cancellationToken)
    {
        Enter();
        return Counters.SettleAsync(reservation, actual, cancellationToken);
    }

    private void Enter()
    {
        Interlocked.Increment(ref _calls);
        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
