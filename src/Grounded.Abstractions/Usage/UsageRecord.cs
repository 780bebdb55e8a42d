namespace Grounded.Usage;

/// <summary>
/// One request's line in the usage ledger: who spent (tenant, key, end user), on what (endpoint, the model or route asked
/// for, the model that served, the route's class, the prompt), how it was served (cache outcome, status, latency) and
/// what it used and cost.
/// </summary>
/// <param name="At">When the request ended (UTC).</param>
/// <param name="RequestId">The request's id (<c>x-request-id</c>).</param>
/// <param name="Endpoint">What the request was: <c>chat</c>, <c>responses</c>, <c>ask</c>, <c>embeddings</c>.</param>
public sealed record UsageRecord(DateTimeOffset At, string RequestId, string Endpoint)
{
    /// <summary>Gets the caller's tenant.</summary>
    public string Tenant { get; init; } = "default";

    /// <summary>Gets the API key's id; null for the local CLI or a server without keys.</summary>
    public string? KeyId { get; init; }

    /// <summary>Gets the end user the caller named (OpenAI's <c>user</c> field).</summary>
    public string? EndUser { get; init; }

    /// <summary>Gets the model or route the caller asked for.</summary>
    public string? RequestedModel { get; init; }

    /// <summary>Gets the configured model that served; null when none did (a failure, or the cache).</summary>
    public string? Model { get; init; }

    /// <summary>Gets the route that chose the model (e.g. <c>auto</c>), when one did.</summary>
    public string? Route { get; init; }

    /// <summary>Gets the class the route's classifier put the request in.</summary>
    public string? RouteClass { get; init; }

    /// <summary>Gets the managed prompt (<c>id@version</c>) the request was built from.</summary>
    public string? PromptId { get; init; }

    /// <summary>Gets what the cache did: <c>exact</c>, <c>semantic</c>, <c>miss</c>, <c>bypass</c>, or null.</summary>
    public string? Cache { get; init; }

    /// <summary>Gets the input tokens, cached ones included.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the input tokens the provider served from its prompt cache.</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets what the request cost in dollars.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Gets what the cache saved in dollars (the cached answer's original cost).</summary>
    public decimal SavedUsd { get; init; }

    /// <summary>Gets the request's duration in milliseconds.</summary>
    public double LatencyMs { get; init; }

    /// <summary>Gets the HTTP status (200 for a CLI question that was answered, 500 for one that failed).</summary>
    public int Status { get; init; }
}
