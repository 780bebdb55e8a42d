namespace Grounded.Budgets;

/// <summary>What <see cref="IBudgetStore.ReserveAsync"/> decided.</summary>
/// <param name="Reservation">The reservation to settle; null when the budget refused.</param>
/// <param name="Spent">The dollars the period had spent (settled), before this reservation.</param>
/// <param name="Reserved">The dollars requests in flight had reserved, before this reservation.</param>
public sealed record BudgetDecision(BudgetReservation? Reservation, decimal Spent, decimal Reserved)
{
    /// <summary>Gets whether the amount was reserved.</summary>
    public bool Allowed => Reservation is not null;
}
