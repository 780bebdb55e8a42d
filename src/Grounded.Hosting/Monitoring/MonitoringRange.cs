using System.Globalization;

namespace Grounded.Hosting.Monitoring;

/// <summary>The time a series covers: buckets of whole seconds aligned to the epoch, the first holding the range's start, the last holding its end.</summary>
/// <param name="Since">The first bucket's start.</param>
/// <param name="Until">The end of the range (now, usually).</param>
/// <param name="Bucket">The buckets' length.</param>
public sealed record MonitoringRange(DateTimeOffset Since, DateTimeOffset Until, TimeSpan Bucket)
{
    /// <summary>The most buckets a series has.</summary>
    public const int MaxBuckets = 300;

    private static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(90);
    private static readonly TimeSpan[] Sizes = [.. new[] { 60, 300, 900, 3600, 10800, 21600, 86400 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>Gets how many buckets the range holds.</summary>
    public int Count => (int)Math.Ceiling((Until - Since) / Bucket);

    /// <summary>Gets the whole range as one bucket (whole seconds, at least one).</summary>
    public TimeSpan Whole => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((Until - Since).TotalSeconds)));

    /// <summary>Returns the range of the last <paramref name="span"/> before <paramref name="now"/> in buckets of <paramref name="bucket"/> (the smallest usual size giving at most 300 when null).</summary>
    public static MonitoringRange Last(TimeSpan span, DateTimeOffset now, TimeSpan? bucket = null)
    {
        var size = bucket ?? Sizes.FirstOrDefault(s => Aligned(now - span, s) + (s * MaxBuckets) >= now, Sizes[^1]);
        return new MonitoringRange(Aligned(now - span, size), now, size);
    }

    /// <summary>
    /// Reads <c>since</c> (default 24h) and <c>bucket</c> as a request writes them; null with a one-line problem naming the value
    /// when either is not a duration, the range is not between 1m and 90d, or the buckets would be under a second or over 300.
    /// </summary>
    public static MonitoringRange? TryParse(string? since, string? bucket, DateTimeOffset now, out string? problem)
    {
        problem = null;
        if (!Durations.TryParse(since ?? "24h", out var span) || span < Shortest || span > Longest)
        {
            problem = $"since: '{since}' is not a duration from 1m to 90d, such as 1h, 24h, 7d or 30d";
            return null;
        }

        TimeSpan? size = null;
        if (bucket is not null)
        {
            if (!Durations.TryParse(bucket, out var b) || b < TimeSpan.FromSeconds(1) || b.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                problem = $"bucket: '{bucket}' is not a duration of whole seconds, such as 1m, 5m or 1h";
                return null;
            }

            if (b > span)
            {
                // A bucket larger than the range would be aligned back past it (to the epoch, for a huge one): all-time totals labelled as the range.
                problem = $"bucket: '{bucket}' is longer than since '{since ?? "24h"}'; choose a bucket no longer than the range";
                return null;
            }

            size = b;
        }

        var range = Last(span, now, size);
        if (range.Count > MaxBuckets)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"bucket: '{bucket}' makes {range.Count} buckets over {since ?? "24h"}; at most {MaxBuckets} (choose a larger bucket, or leave it out)");
            return null;
        }

        return range;
    }

    private static DateTimeOffset Aligned(DateTimeOffset at, TimeSpan size) =>
        DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / (long)size.TotalSeconds * (long)size.TotalSeconds);
}
