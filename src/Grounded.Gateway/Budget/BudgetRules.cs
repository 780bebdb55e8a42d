using Grounded.Access;
using Grounded.Gateway.Context;

namespace Grounded.Gateway.Budget;

/// <summary>Finds the budgets a request is under: per scope, the budget named after its tenant, key or user, else the scope's "*" budget.</summary>
internal sealed class BudgetRules
{
    private static readonly BudgetScope[] Scopes = [BudgetScope.Tenant, BudgetScope.Key, BudgetScope.User];
    private readonly Dictionary<(BudgetScope, string), BudgetOptions> _budgets;

    public BudgetRules(IReadOnlyList<BudgetOptions> budgets) => _budgets = budgets.ToDictionary(b => (b.Scope, b.Match));

    /// <summary>Returns the budgets of the request, each with the tenant, key or user it counts (a request without a user has no user budget).</summary>
    public List<(BudgetOptions Budget, string Name)> For(GatewayContext context)
    {
        var found = new List<(BudgetOptions, string)>(3);
        foreach (var scope in Scopes)
        {
            var name = scope switch
            {
                // Requests without an identity are the local CLI's (or a server without keys): the default tenant, as retrieval sees them.
                BudgetScope.Tenant => context.Tenant ?? CallerIdentity.Local.Tenant,
                BudgetScope.Key => context.Caller ?? CallerIdentity.Local.KeyId,
                _ => string.IsNullOrEmpty(context.EndUser) ? null : context.EndUser,
            };
            if (name is not null && (_budgets.GetValueOrDefault((scope, name)) ?? _budgets.GetValueOrDefault((scope, BudgetOptions.Each))) is { } budget)
            {
                found.Add((budget, name));
            }
        }

        return found;
    }
}
