using Grounded.Gateway.Budget;

namespace Grounded.Hosting.Config;

/// <summary>Reads <c>budgets:</c>, a list of <c>{ scope: tenant|key|user, match: NAME|"*", maxTokensPerRequest, usdPerDay, usdPerMonth }</c>.</summary>
internal static class BudgetsConfig
{
    // Not a scope: BudgetOptions.Validate reports it, and judges the rest of the entry all the same.
    private const BudgetScope Unknown = (BudgetScope)(-1);

    public static IReadOnlyList<BudgetOptions> Validate(ConfigDocument document, List<string> problems)
    {
        var budgets = document.Budgets.Select(entry => new BudgetOptions
        {
            Scope = Scope(entry?.Scope),
            Match = entry?.Match?.Trim() ?? string.Empty,
            MaxTokensPerRequest = entry?.MaxTokensPerRequest,
            UsdPerDay = entry?.UsdPerDay,
            UsdPerMonth = entry?.UsdPerMonth,
        }).ToList();
        problems.AddRange(BudgetOptions.Validate(budgets));
        return budgets;
    }

    private static BudgetScope Scope(string? text) =>
        text is not null && !text.Trim().All(char.IsAsciiDigit) && Enum.TryParse<BudgetScope>(text.Trim(), ignoreCase: true, out var scope) && Enum.IsDefined(scope)
            ? scope
            : Unknown;
}
