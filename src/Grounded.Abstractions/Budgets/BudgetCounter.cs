namespace Grounded.Budgets;

/// <summary>One budget's counter for one period, and its limit.</summary>
/// <param name="Key">The counter, e.g. <c>tenant:acme:day:2026-12-02</c>: unique per budget and period.</param>
/// <param name="Limit">The most dollars the period may spend; 0 or more.</param>
/// <param name="ResetsAt">When the period ends and a new counter starts; the store may forget the counter after it.</param>
public sealed record BudgetCounter(string Key, decimal Limit, DateTimeOffset ResetsAt);
