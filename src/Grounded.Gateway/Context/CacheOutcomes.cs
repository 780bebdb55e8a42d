namespace Grounded.Gateway.Context;

/// <summary>How a request was served with respect to the caches (the <c>x-grounded-cache</c> header and the ledger's <c>cache</c> column).</summary>
public static class CacheOutcomes
{
    /// <summary>An identical earlier request's answer.</summary>
    public const string Exact = "exact";

    /// <summary>An earlier answer to a request with the same meaning.</summary>
    public const string Semantic = "semantic";

    /// <summary>Looked up, not found: the provider answered (and the answer was stored).</summary>
    public const string Miss = "miss";

    /// <summary>Not looked up: the request asked for no caching, or its sampling makes answers differ (temperature above 0).</summary>
    public const string Bypass = "bypass";
}
