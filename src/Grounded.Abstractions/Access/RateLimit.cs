namespace Grounded.Access;

/// <summary>A token bucket's size and speed: at most <see cref="Capacity"/> tokens, refilled continuously at Capacity per <see cref="Period"/>.</summary>
/// <param name="Capacity">The most tokens the bucket holds; at least 1.</param>
/// <param name="Period">The time an empty bucket takes to fill; more than zero.</param>
public readonly record struct RateLimit(long Capacity, TimeSpan Period)
{
    /// <summary>Gets the most tokens the bucket holds; at least 1.</summary>
    public long Capacity { get; init => field = ValidCapacity(value); } = ValidCapacity(Capacity);

    /// <summary>Gets the time an empty bucket takes to fill; more than zero.</summary>
    public TimeSpan Period { get; init => field = ValidPeriod(value); } = ValidPeriod(Period);

    private static long ValidCapacity(long capacity) => capacity >= 1
        ? capacity
        : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a rate limit's capacity must be at least 1");

    private static TimeSpan ValidPeriod(TimeSpan period) => period > TimeSpan.Zero
        ? period
        : throw new ArgumentOutOfRangeException(nameof(period), period, "a rate limit's period must be more than zero");
}
