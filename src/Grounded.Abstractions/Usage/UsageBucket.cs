namespace Grounded.Usage;

/// <summary>One bucket of a usage series (of one model when the series is split by model): its requests, errors, latency percentiles, spend and tokens.</summary>
/// <param name="Start">The bucket's first instant.</param>
public sealed record UsageBucket(DateTimeOffset Start)
{
    /// <summary>Gets the model that served (the cache, or <c>none</c>); null when the series is not split by model.</summary>
    public string? Model { get; init; }

    /// <summary>Gets how many requests ended in the bucket.</summary>
    public long Requests { get; init; }

    /// <summary>Gets how many of them failed (status 400 or above).</summary>
    public long Errors { get; init; }

    /// <summary>Gets the median latency in milliseconds (continuous percentile); 0 when percentiles were not asked for.</summary>
    public double P50Ms { get; init; }

    /// <summary>Gets the 95th percentile of latency in milliseconds.</summary>
    public double P95Ms { get; init; }

    /// <summary>Gets the 99th percentile of latency in milliseconds.</summary>
    public double P99Ms { get; init; }

    /// <summary>Gets the dollars spent.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Gets the input tokens, cached ones included.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets how many requests a cache answered (exact or semantic).</summary>
    public long CacheHits { get; init; }
}
