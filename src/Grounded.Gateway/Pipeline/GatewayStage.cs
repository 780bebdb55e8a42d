namespace Grounded.Gateway.Pipeline;

/// <summary>
/// The places in the request pipeline where a behaviour can be added. Their order is written once, in
/// <see cref="GatewayBuilder.RequestOrder"/>, not here: neither the order of these members nor the order of the
/// <c>UseXxx</c> lines that add each feature at its stage changes it.
/// </summary>
public enum GatewayStage
{
    /// <summary>Who is calling: the API key's identity, tenant and role.</summary>
    Identity,

    /// <summary>Requests and tokens per minute, per caller.</summary>
    RateLimit,

    /// <summary>Spending limits, checked before a call is made.</summary>
    Budget,

    /// <summary>Tool calls executed in a loop with the model (agents).</summary>
    Tools,

    /// <summary>Checks and rewrites of the request (PII redaction, prompt injection, topics).</summary>
    InputGuard,

    /// <summary>Checks of the answer (output validation, grounding), outside the cache so cached answers are checked too.</summary>
    OutputGuard,

    /// <summary>Exact and semantic caches.</summary>
    Cache,

    /// <summary>Chooses the model (fast routing) before the request goes to that model's failover chain.</summary>
    Route,
}
