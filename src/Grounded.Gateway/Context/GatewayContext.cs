using Grounded.Guards;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Context;

/// <summary>
/// One request through the gateway: who asked and for what (route, caller, tenant, prompt, requested model), and what
/// the pipeline did (cache outcome, provider calls, the model that served, usage, cost). The host creates it (one per
/// HTTP request or CLI question) and attaches it to the request's <see cref="ChatOptions"/>; the decorators fill it, and
/// headers, logs, metrics and the ledger read it from this one place instead of re-reading the response.
/// </summary>
public sealed class GatewayContext
{
    /// <summary>The key under which the context travels in <see cref="ChatOptions.AdditionalProperties"/>.</summary>
    public const string OptionsKey = "grounded.context";

    private readonly Lock _gate = new();
    private int _attempts;
    private UsageDetails? _usage;
    private decimal _cost;
    private List<GuardDecision>? _guards;

    /// <summary>Creates the context of one request.</summary>
    /// <param name="route">What the request is, e.g. <c>chat</c>, <c>ask</c>, <c>responses</c>, <c>embeddings</c>.</param>
    /// <param name="requestId">The request's id as the caller sees it; a new one when null.</param>
    public GatewayContext(string route, string? requestId = null)
    {
        Route = route;
        RequestId = requestId ?? NewRequestId();
    }

    /// <summary>Gets the request's id (the <c>x-request-id</c> header).</summary>
    public string RequestId { get; }

    /// <summary>Gets or sets what the request is (<c>chat</c>, <c>ask</c>, <c>responses</c>, <c>embeddings</c>, ...).</summary>
    public string Route { get; set; }

    /// <summary>Gets or sets whether the answer is streamed.</summary>
    public bool Stream { get; set; }

    /// <summary>Gets or sets who called (key, tenant, role, groups); setting it sets <see cref="Caller"/> and <see cref="Tenant"/>.</summary>
    public Access.CallerIdentity? Identity
    {
        get;
        set
        {
            field = value;
            Caller = value?.KeyId;
            Tenant = value?.Tenant;
        }
    }

    /// <summary>Gets or sets who called: the API key's id, when keys are in use.</summary>
    public string? Caller { get; set; }

    /// <summary>Gets or sets the tenant the caller belongs to.</summary>
    public string? Tenant { get; set; }

    /// <summary>Gets or sets the prompt (name and version) the request was built from, when a managed prompt was used.</summary>
    public string? PromptId { get; set; }

    /// <summary>Gets or sets the question (the last user message) as the provider saw it once input guards rewrote it (PII redacted); null when no guard rewrote it.</summary>
    public string? SentQuestion { get; set; }

    /// <summary>Gets or sets the model the caller asked for (a configured name).</summary>
    public string? RequestedModel { get; set; }

    /// <summary>Gets or sets what the cache did (<see cref="CacheOutcomes"/>: <c>exact</c>, <c>semantic</c>, <c>miss</c>, <c>bypass</c>), or null when no cache ran.</summary>
    public string? CacheOutcome { get; set; }

    /// <summary>Gets what the request would have cost without the cache (the cached answer's original cost); zero unless served from cache.</summary>
    public decimal SavedCost { get; private set; }

    /// <summary>Gets or sets the end user the caller named (OpenAI's <c>user</c> field), for budgets and the ledger.</summary>
    public string? EndUser { get; set; }

    /// <summary>Gets or sets how long the first piece of a streamed answer took, from the start of the request.</summary>
    public TimeSpan? TimeToFirstToken { get; set; }

    /// <summary>Gets the configured name of the model that served, null until one did (a fallback after a failover).</summary>
    public string? ServedBy { get; private set; }

    /// <summary>Gets how many calls reached (or tried to reach) a provider, retries and failovers included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Gets the tokens used, summed over the request's model calls (reported by the provider, else counted); null before any.</summary>
    public UsageDetails? Usage
    {
        get
        {
            lock (_gate)
            {
                return _usage;
            }
        }
    }

    /// <summary>Gets the cost in dollars of the request's model calls, at the configured prices.</summary>
    public decimal Cost
    {
        get
        {
            lock (_gate)
            {
                return _cost;
            }
        }
    }

    /// <summary>Gets or sets the route the request named instead of a model (<c>auto</c>), null when it named a model.</summary>
    public string? RouteName { get; set; }

    /// <summary>Gets or sets the class the route put the request in (<c>simple</c>, <c>code</c>, <c>reasoning</c>, ...).</summary>
    public string? RouteClass { get; set; }

    /// <summary>Gets or sets the model the route chose (the one that served unless it failed over: <see cref="ServedBy"/>).</summary>
    public string? RouteModel { get; set; }

    /// <summary>Gets or sets why the route chose it, in a few ASCII words (<c>code: fenced block</c>).</summary>
    public string? RouteReason { get; set; }

    /// <summary>Gets the guards' decisions about the request and its answer, in the order they were made (empty when no guard ran).</summary>
    public IReadOnlyList<GuardDecision> Guards
    {
        get
        {
            lock (_gate)
            {
                return _guards is null ? [] : [.. _guards];
            }
        }
    }

    /// <summary>Returns the context attached to <paramref name="options"/>, or null.</summary>
    public static GatewayContext? Of(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(OptionsKey, out var value) == true ? value as GatewayContext : null;

    /// <summary>Returns <paramref name="options"/> (new when null) with this context attached.</summary>
    public ChatOptions AttachTo(ChatOptions? options)
    {
        options ??= new ChatOptions();
        (options.AdditionalProperties ??= [])[OptionsKey] = this;
        return options;
    }

    /// <summary>Records a guard's decision about the request or its answer.</summary>
    public void AddGuard(GuardDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        lock (_gate)
        {
            (_guards ??= []).Add(decision);
        }
    }

    /// <summary>Records one call that reached, or tried to reach, a provider.</summary>
    public void CountAttempt() => Interlocked.Increment(ref _attempts);

    /// <summary>Records the model that served the request.</summary>
    public void Served(string model) => ServedBy = model;

    /// <summary>Adds one model call's usage and cost.</summary>
    public void AddUsage(UsageDetails usage, decimal cost)
    {
        ArgumentNullException.ThrowIfNull(usage);
        lock (_gate)
        {
            if (_usage is null)
            {
                _usage = new UsageDetails();
            }

            _usage.Add(usage);
            _cost += cost;
        }
    }

    /// <summary>Records that the cache answered (<paramref name="outcome"/> is <c>exact</c> or <c>semantic</c>), saving <paramref name="saved"/> dollars.</summary>
    public void ServedFromCache(string outcome, string? model, decimal saved)
    {
        CacheOutcome = outcome;
        SavedCost = saved;
        if (model is not null)
        {
            ServedBy ??= model;
        }
    }

    private static string NewRequestId() => "req_" + Guid.NewGuid().ToString("N");
}
