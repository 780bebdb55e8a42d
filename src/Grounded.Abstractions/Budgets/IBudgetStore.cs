namespace Grounded.Budgets;

/// <summary>
/// Spending counters, one per budget and period (e.g. tenant <c>acme</c>, 2026-12-02): what was spent and what requests in flight
/// have reserved. A request reserves a conservative estimate of its cost before the provider call and settles its actual cost after
/// it, so concurrent requests cannot together spend more than the limit while their costs stay within their estimates.
/// Implementations are safe to call concurrently.
/// </summary>
public interface IBudgetStore
{
    /// <summary>
    /// Reserves <paramref name="amount"/> on <paramref name="counter"/> when spent + reserved + amount is at most its limit, in one
    /// atomic step; otherwise reserves nothing. The decision says what was spent and reserved either way.
    /// </summary>
    /// <param name="counter">The budget period's counter and its limit.</param>
    /// <param name="amount">The dollars to reserve; 0 or more.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<BudgetDecision> ReserveAsync(BudgetCounter counter, decimal amount, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="reservation"/> with the <paramref name="actual"/> cost (0 releases it). Settling a counter whose period
    /// is over changes nothing that counts.
    /// </summary>
    /// <param name="reservation">A reservation <see cref="ReserveAsync"/> of this store returned.</param>
    /// <param name="actual">The dollars the request cost; 0 or more.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask SettleAsync(BudgetReservation reservation, decimal actual, CancellationToken cancellationToken);
}
