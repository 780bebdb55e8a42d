namespace Grounded.Gateway.Cache;

/// <summary>The gateway's answer caches (<c>cache:</c> in the config).</summary>
public sealed record CacheOptions
{
    /// <summary>Gets the caches turned off: every request is a <c>bypass</c>.</summary>
    public static CacheOptions Disabled { get; } = new() { Exact = false, Semantic = false };

    /// <summary>Gets whether identical requests are answered from the exact cache.</summary>
    /// <value>The default is true.</value>
    public bool Exact { get; init; } = true;

    /// <summary>Gets whether requests with the same meaning are answered from the semantic cache (needs the local embedding model).</summary>
    /// <value>The default is false: opt in once its precision on your traffic is acceptable (see <c>grounded cache eval</c>).</value>
    public bool Semantic { get; init; }

    /// <summary>Gets the least cosine similarity of two requests' texts for a semantic hit.</summary>
    /// <value>The default is <see cref="SemanticMatcher.DefaultThreshold"/> (0.90).</value>
    public double SemanticThreshold { get; init; } = SemanticMatcher.DefaultThreshold;

    /// <summary>Gets how long an answer stays cached.</summary>
    /// <value>The default is one hour.</value>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Gets whether requests sampled above temperature 0 (or with no temperature: the provider's default) may be served from cache.</summary>
    /// <value>The default is false: such a request asks for a fresh sample.</value>
    public bool Sampled { get; init; }

    /// <summary>Gets the most entries the semantic cache keeps per tenant, model and context (the oldest go first).</summary>
    /// <value>The default is 10,000.</value>
    public int SemanticEntriesPerScope { get; init; } = 10_000;
}
