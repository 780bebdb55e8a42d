namespace Grounded.Hosting.Monitoring;

/// <summary>The kinds of alert rule, each a condition over the monitoring series.</summary>
public static class AlertKinds
{
    /// <summary>Today's spend (UTC) above <c>factor</c> times the trailing daily average, and above a floor.</summary>
    public const string Spend = "spend";

    /// <summary>A quality metric (grounding mean, or the share of thumbs up) down by <c>drop</c> over a window against the window before.</summary>
    public const string Quality = "quality";

    /// <summary>The share of failed requests over a window above a threshold.</summary>
    public const string ErrorRate = "error_rate";

    /// <summary>The 99th percentile of latency over a window above a threshold.</summary>
    public const string P99Latency = "p99_latency";

    /// <summary>The share of abstentions over a window above <c>factor</c> times the baseline's.</summary>
    public const string AbstentionSpike = "abstention_spike";

    /// <summary>Guard triggers per hour over a window above <c>factor</c> times the baseline's.</summary>
    public const string GuardSpike = "guard_spike";

    /// <summary>Gets every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [Spend, Quality, ErrorRate, P99Latency, AbstentionSpike, GuardSpike];
}
