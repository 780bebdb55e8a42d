namespace Grounded.Budgets;

/// <summary>Dollars held on a counter for a request in flight, until <see cref="IBudgetStore.SettleAsync"/> replaces them with its cost.</summary>
/// <param name="Counter">The counter the amount is held on.</param>
/// <param name="Amount">The dollars held.</param>
public sealed record BudgetReservation(BudgetCounter Counter, decimal Amount)
{
    /// <summary>Gets what the store that made the reservation needs to settle it, if anything (opaque to everyone else).</summary>
    public object? State { get; init; }
}
