using Grounded.Budgets;
using Grounded.Gateway.Pipeline;
using Grounded.Gateway.Tokens;

namespace Grounded.Gateway.Budget;

/// <summary>Adds budgets to a gateway at <see cref="GatewayStage.Budget"/>.</summary>
public static class GatewayBuilderBudgetExtensions
{
    /// <summary>
    /// Checks every request against <paramref name="budgets"/> before its provider call and settles its cost after it. Throws
    /// <see cref="ArgumentException"/> listing every problem with the budgets; no budgets adds nothing.
    /// </summary>
    /// <param name="builder">The gateway being built.</param>
    /// <param name="budgets">The budgets (<c>budgets:</c> in the config file).</param>
    /// <param name="store">Where spending is counted: Redis to share it between replicas; null counts in this process.</param>
    public static GatewayBuilder UseBudgets(this GatewayBuilder builder, IReadOnlyList<BudgetOptions> budgets, IBudgetStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(budgets);
        var problems = BudgetOptions.Validate(budgets);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(budgets));
        }

        if (budgets.Count == 0)
        {
            return builder;
        }

        var rules = new BudgetRules([.. budgets]);
        return builder.Use(GatewayStage.Budget, inner =>
            new BudgetChatClient(inner, rules, store ?? new InMemoryBudgetStore(builder.Time), builder.Options, builder.Time, new PromptTokenCounter()));
    }
}
