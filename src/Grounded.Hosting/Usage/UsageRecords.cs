using Grounded.Gateway.Context;
using Grounded.Usage;

namespace Grounded.Hosting.Usage;

/// <summary>Turns a finished request's <see cref="GatewayContext"/> into its ledger row.</summary>
public static class UsageRecords
{
    /// <summary>Returns the ledger row of <paramref name="context"/>, or null when the request used no model (nothing to account).</summary>
    public static UsageRecord? From(GatewayContext context, int status, TimeSpan elapsed, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestedModel is null && context.Usage is null)
        {
            return null;
        }

        var usage = context.Usage;
        return new UsageRecord(at, context.RequestId, context.Route)
        {
            Tenant = context.Tenant ?? Grounded.Access.Tenants.Default,
            KeyId = context.Caller,
            EndUser = context.EndUser,
            RequestedModel = context.RequestedModel,
            Model = context.CacheOutcome is CacheOutcomes.Exact or CacheOutcomes.Semantic ? null : context.ServedBy,
            Route = context.RouteName,
            RouteClass = context.RouteClass,
            PromptId = context.PromptId,
            Cache = context.CacheOutcome,
            InputTokens = usage?.InputTokenCount ?? 0,
            CachedInputTokens = usage?.CachedInputTokenCount ?? 0,
            OutputTokens = usage?.OutputTokenCount ?? 0,
            CostUsd = context.Cost,
            SavedUsd = context.SavedCost,
            LatencyMs = Math.Round(elapsed.TotalMilliseconds, 2),
            Status = status,
        };
    }
}
