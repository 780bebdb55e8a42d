using System.Globalization;

namespace Grounded.Gateway.Budget;

/// <summary>Where a period starts and ends, and how messages and counters name it.</summary>
internal static class BudgetPeriods
{
    /// <summary>Returns when the period containing <paramref name="now"/> ends.</summary>
    public static DateTimeOffset ResetsAt(this BudgetPeriod period, DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return period == BudgetPeriod.Day
            ? new DateTimeOffset(utc.Date.AddDays(1), TimeSpan.Zero)
            : new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
    }

    /// <summary>Returns the period's id in counter keys: <c>day:2026-12-02</c>, <c>month:2026-12</c>.</summary>
    public static string Id(this BudgetPeriod period, DateTimeOffset now) => period == BudgetPeriod.Day
        ? "day:" + now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : "month:" + now.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Returns the adjective messages use: <c>daily</c>, <c>monthly</c>.</summary>
    public static string Adjective(this BudgetPeriod period) => period == BudgetPeriod.Day ? "daily" : "monthly";

    /// <summary>Returns the budget's limit for the period, or null when it sets none.</summary>
    public static decimal? Limit(this BudgetPeriod period, BudgetOptions budget) => period == BudgetPeriod.Day ? budget.UsdPerDay : budget.UsdPerMonth;
}
