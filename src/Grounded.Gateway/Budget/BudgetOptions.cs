using Grounded.Access;

namespace Grounded.Gateway.Budget;

/// <summary>
/// One budget: whose spending it limits (a scope and a name, or <see cref="Each"/> of the scope separately) and how: tokens per
/// request, dollars per UTC day and per UTC calendar month. A named budget replaces the <see cref="Each"/> budget of its scope for
/// that name.
/// </summary>
public sealed record BudgetOptions
{
    /// <summary>The <see cref="Match"/> that gives every tenant, key or user of the scope a budget of its own.</summary>
    public const string Each = "*";

    /// <summary>The largest dollar limit of one period: the Redis store counts nano-dollars in doubles, exact up to 2^53.</summary>
    public const decimal MaxUsd = 1_000_000m;

    /// <summary>Gets whose spending the budget limits.</summary>
    public required BudgetScope Scope { get; init; }

    /// <summary>Gets the tenant name, key id or user the budget is for, or <see cref="Each"/> for each one separately.</summary>
    public required string Match { get; init; }

    /// <summary>Gets the most tokens one request may use: its prompt plus its output limit; null for no limit.</summary>
    public long? MaxTokensPerRequest { get; init; }

    /// <summary>Gets the most dollars a UTC day (00:00 to 00:00) may spend; null for no limit.</summary>
    public decimal? UsdPerDay { get; init; }

    /// <summary>Gets the most dollars a UTC calendar month may spend; null for no limit.</summary>
    public decimal? UsdPerMonth { get; init; }

    /// <summary>Gets who the budget is for, as messages say it: <c>tenant 'acme'</c>, or <c>each tenant</c>.</summary>
    public string Name => Match == Each ? $"each {Scope.ToString().ToLowerInvariant()}" : Describe(Scope, Match);

    /// <summary>Returns every problem with <paramref name="budgets"/>, each naming the entry (<c>budgets[0].usdPerDay</c>); empty when usable.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<BudgetOptions> budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        var problems = new List<string>();
        var seen = new Dictionary<(BudgetScope, string), int>();
        for (var i = 0; i < budgets.Count; i++)
        {
            var at = $"budgets[{i}]";
            var budget = budgets[i];
            if (!Enum.IsDefined(budget.Scope))
            {
                problems.Add($"{at}.scope: is missing or unknown: use tenant, key or user");
            }
            else if (string.IsNullOrWhiteSpace(budget.Match))
            {
                problems.Add($"{at}.match: is required: a {budget.Scope.ToString().ToLowerInvariant()} name, or \"*\" for each one separately");
            }
            else if (budget.Scope == BudgetScope.Tenant && budget.Match != Each && Tenants.Problem(budget.Match, "tenant") is { } tenant)
            {
                problems.Add($"{at}.match: {tenant}");
            }
            else if (seen.TryGetValue((budget.Scope, budget.Match), out var first))
            {
                problems.Add($"{at}: budgets[{first}] is already the budget of {budget.Name}; merge the two");
            }
            else
            {
                seen[(budget.Scope, budget.Match)] = i;
            }

            if (budget.MaxTokensPerRequest is < 1)
            {
                problems.Add($"{at}.maxTokensPerRequest: must be at least 1 (got {budget.MaxTokensPerRequest})");
            }

            problems.AddRange(Dollars(at + ".usdPerDay", budget.UsdPerDay));
            problems.AddRange(Dollars(at + ".usdPerMonth", budget.UsdPerMonth));
            if (budget.MaxTokensPerRequest is null && budget.UsdPerDay is null && budget.UsdPerMonth is null)
            {
                problems.Add($"{at}: limits nothing: give it maxTokensPerRequest, usdPerDay or usdPerMonth");
            }
        }

        return problems;
    }

    /// <summary>Returns how messages name one tenant, key or user: <c>tenant 'acme'</c>.</summary>
    internal static string Describe(BudgetScope scope, string name) => $"{scope.ToString().ToLowerInvariant()} '{name}'";

    private static IEnumerable<string> Dollars(string at, decimal? usd)
    {
        if (usd is { } value && (value <= 0 || value > MaxUsd))
        {
            yield return $"{at}: must be more than 0 and at most {MaxUsd:0} dollars (got {value}); to stop spending altogether, revoke the keys";
        }
    }
}
