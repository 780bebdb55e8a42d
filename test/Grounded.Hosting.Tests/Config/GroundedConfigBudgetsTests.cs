using Grounded.Gateway.Budget;
using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

public sealed class GroundedConfigBudgetsTests
{
    [Fact]
    public void ReadsEveryScopeAndLimit()
    {
        var options = GroundedConfig.Parse("""
            budgets:
              - { scope: tenant, match: acme, maxTokensPerRequest: 8000, usdPerDay: 5, usdPerMonth: 100 }
              - { scope: Key, match: "*", usdPerDay: 0.25 }
              - { scope: user, match: "*", usdPerMonth: 2.5 }
            """, new Dictionary<string, string?>());

        Assert.Equal(
        [
            new BudgetOptions { Scope = BudgetScope.Tenant, Match = "acme", MaxTokensPerRequest = 8000, UsdPerDay = 5m, UsdPerMonth = 100m },
            new BudgetOptions { Scope = BudgetScope.Key, Match = "*", UsdPerDay = 0.25m },
            new BudgetOptions { Scope = BudgetScope.User, Match = "*", UsdPerMonth = 2.5m },
        ], options.Budgets);
    }

    [Fact]
    public void NoBudgetsSectionMeansNoBudgets() => Assert.Empty(GroundedConfig.Parse("", new Dictionary<string, string?>()).Budgets);

    [Fact]
    public void ListsEveryProblemOfEveryBudget()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("""
            budgets:
              - { scope: team, match: acme, usdPerDay: 5 }
              - { match: acme, usdPerDay: 5 }
              - { scope: tenant, usdPerDay: -1 }
              - { scope: key, match: k1 }
              - { scope: tenant, match: "*", maxTokensPerRequest: 0, usdPerDay: 5 }
              - { scope: tenant, match: "*", usdPerMonth: 5 }
            """, new Dictionary<string, string?>()));

        Assert.Equal(
        [
            "budgets[0].scope: is missing or unknown: use tenant, key or user",
            "budgets[1].scope: is missing or unknown: use tenant, key or user",
            "budgets[2].match: is required: a tenant name, or \"*\" for each one separately",
            "budgets[2].usdPerDay: must be more than 0 and at most 1000000 dollars (got -1); to stop spending altogether, revoke the keys",
            "budgets[3]: limits nothing: give it maxTokensPerRequest, usdPerDay or usdPerMonth",
            "budgets[4].maxTokensPerRequest: must be at least 1 (got 0)",
            "budgets[5]: budgets[4] is already the budget of each tenant; merge the two",
        ], error.Problems);
    }
}
