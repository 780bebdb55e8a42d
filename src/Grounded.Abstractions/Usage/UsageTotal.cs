namespace Grounded.Usage;

/// <summary>One group of a usage report: its key (a model, key id, day...) and the sums of its requests.</summary>
/// <param name="Key">The group's value (<c>none</c> where the column was empty).</param>
public sealed record UsageTotal(string Key)
{
    /// <summary>Gets how many requests the group holds.</summary>
    public long Requests { get; init; }

    /// <summary>Gets the input tokens, cached ones included.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the input tokens the providers served from their prompt caches.</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets the dollars spent.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Gets the dollars the caches saved.</summary>
    public decimal SavedUsd { get; init; }

    /// <summary>Gets how many requests a cache answered (exact or semantic).</summary>
    public long CacheHits { get; init; }

    /// <summary>Gets how many requests failed (status 400 or above).</summary>
    public long Errors { get; init; }

    /// <summary>Gets the mean latency in milliseconds.</summary>
    public double MeanLatencyMs { get; init; }
}
