using System.Text.Json.Serialization;

namespace Grounded.Hosting.Monitoring;

/// <summary>One bucket of the monitoring series (or the totals of a range, without a start): requests, latency, spend, answers, quality and feedback.</summary>
public sealed record SeriesPoint
{
    /// <summary>Gets the bucket's start; null for totals.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Start { get; init; }

    /// <summary>Gets how many model requests ended.</summary>
    public long Requests { get; init; }

    /// <summary>Gets how many of them failed (status 400 or above).</summary>
    public long Errors { get; init; }

    /// <summary>Gets the median latency in milliseconds (0 without requests).</summary>
    public double P50Ms { get; init; }

    /// <summary>Gets the 95th percentile of latency in milliseconds.</summary>
    public double P95Ms { get; init; }

    /// <summary>Gets the 99th percentile of latency in milliseconds.</summary>
    public double P99Ms { get; init; }

    /// <summary>Gets the dollars spent.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Gets the input tokens.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets how many requests a cache answered.</summary>
    public long CacheHits { get; init; }

    /// <summary>Gets how many questions were answered (abstentions included).</summary>
    public long Answers { get; init; }

    /// <summary>Gets how many answers abstained.</summary>
    public long Abstentions { get; init; }

    /// <summary>Gets the share of answers that abstained; null without answers.</summary>
    public double? AbstentionRate { get; init; }

    /// <summary>Gets the mean grounding confidence of graded answers; null when none was graded.</summary>
    public double? GroundingMean { get; init; }

    /// <summary>Gets the guard decisions other than allow that questions met.</summary>
    public long GuardTriggers { get; init; }

    /// <summary>Gets the thumbs up given.</summary>
    public long FeedbackUp { get; init; }

    /// <summary>Gets the thumbs down given.</summary>
    public long FeedbackDown { get; init; }
}
