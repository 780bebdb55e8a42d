using Grounded.Gateway.Budget;

namespace Grounded.Gateway.Tests.Budget;

public sealed class BudgetOptionsTests
{
    [Fact]
    public void ListsEveryProblemNamingTheEntryAndTheField()
    {
        BudgetOptions[] budgets =
        [
            new() { Scope = (BudgetScope)9, Match = "acme", UsdPerDay = 1 },
            new() { Scope = BudgetScope.Tenant, Match = "Acme Corp", MaxTokensPerRequest = 0, UsdPerDay = -1, UsdPerMonth = 2_000_000 },
            new() { Scope = BudgetScope.Key, Match = "k1" },
            new() { Scope = BudgetScope.User, Match = "*", UsdPerDay = 1 },
            new() { Scope = BudgetScope.User, Match = "*", UsdPerMonth = 5 },
            new() { Scope = BudgetScope.Key, Match = " ", UsdPerDay = 1 },
        ];

        var problems = BudgetOptions.Validate(budgets);

        Assert.Equal(
        [
            "budgets[0].scope: is missing or unknown: use tenant, key or user",
            "budgets[1].match: 'Acme Corp' is not a usable tenant name: use 1–64 lower-case letters, digits, '-', '_' or '.', starting with a letter or digit",
            "budgets[1].maxTokensPerRequest: must be at least 1 (got 0)",
            "budgets[1].usdPerDay: must be more than 0 and at most 1000000 dollars (got -1); to stop spending altogether, revoke the keys",
            "budgets[1].usdPerMonth: must be more than 0 and at most 1000000 dollars (got 2000000); to stop spending altogether, revoke the keys",
            "budgets[2]: limits nothing: give it maxTokensPerRequest, usdPerDay or usdPerMonth",
            "budgets[4]: budgets[3] is already the budget of each user; merge the two",
            "budgets[5].match: is required: a key name, or \"*\" for each one separately",
        ], problems);
    }

    [Fact]
    public void AcceptsABudgetOfEachScope()
    {
        BudgetOptions[] budgets =
        [
            new() { Scope = BudgetScope.Tenant, Match = "*", UsdPerMonth = 100 },
            new() { Scope = BudgetScope.Tenant, Match = "acme", UsdPerDay = 5, MaxTokensPerRequest = 8000 },
            new() { Scope = BudgetScope.Key, Match = "key_abc", UsdPerDay = 1 },
            new() { Scope = BudgetScope.User, Match = "*", UsdPerDay = 0.5m },
        ];

        Assert.Empty(BudgetOptions.Validate(budgets));
    }
}
