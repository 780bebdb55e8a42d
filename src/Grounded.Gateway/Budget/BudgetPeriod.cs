namespace Grounded.Gateway.Budget;

/// <summary>The UTC calendar periods budgets count in: a day resets at 00:00 UTC, a month on the 1st at 00:00 UTC.</summary>
internal enum BudgetPeriod
{
    Day,
    Month,
}

