namespace Grounded.Usage;

/// <summary>
/// What a usage series covers: the rows from <paramref name="Since"/> (inclusive) to <paramref name="Until"/> (exclusive), in
/// buckets of <paramref name="Bucket"/> counted from <paramref name="Since"/>; optionally one tenant, and split by model.
/// </summary>
/// <param name="Since">The first instant covered, in whole seconds (the first bucket's start).</param>
/// <param name="Until">The instant the series ends at (exclusive).</param>
/// <param name="Bucket">The length of a bucket, in whole seconds.</param>
public sealed record UsageSeriesQuery(DateTimeOffset Since, DateTimeOffset Until, TimeSpan Bucket)
{
    /// <summary>Gets the only tenant covered; null covers all.</summary>
    public string? Tenant { get; init; }

    /// <summary>Gets whether each bucket is split by the model that served (the cache, or <c>none</c>, when none did).</summary>
    public bool ByModel { get; init; }

    /// <summary>Gets whether latency percentiles are computed (they cost a sort of every row's latency).</summary>
    /// <value>The default is true.</value>
    public bool Percentiles { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> unless the start and the bucket are whole seconds and the bucket is at least one.</summary>
    public void Validate()
    {
        if (Since.UtcTicks % TimeSpan.TicksPerSecond != 0 || Bucket.Ticks % TimeSpan.TicksPerSecond != 0 || Bucket < TimeSpan.FromSeconds(1) || Until < Since)
        {
            throw new ArgumentException("a series starts at a whole second, ends after it, and has buckets of whole seconds (at least one)");
        }
    }

    /// <summary>Returns the start of bucket <paramref name="index"/>.</summary>
    public DateTimeOffset StartOf(long index) => Since + (Bucket * index);

    /// <summary>Returns the index of the bucket starting at <paramref name="start"/> (the inverse of <see cref="StartOf"/>).</summary>
    public long IndexOf(DateTimeOffset start) => (start - Since).Ticks / Bucket.Ticks;
}
