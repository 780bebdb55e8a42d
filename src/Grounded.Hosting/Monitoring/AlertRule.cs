namespace Grounded.Hosting.Monitoring;

/// <summary>One alert rule: its name, kind, severity and the parameters of its kind (the others are ignored).</summary>
/// <param name="Name">The rule's name (unique; names its state and its messages).</param>
/// <param name="Kind">What it watches (<see cref="AlertKinds"/>).</param>
public sealed record AlertRule(string Name, string Kind)
{
    /// <summary>Gets how urgent a firing is: <c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    /// <value>The default is warning.</value>
    public string Severity { get; init; } = "warning";

    /// <summary>Gets the limit of <c>error_rate</c> (a share, 0.05 = 5%) and of <c>p99_latency</c> (milliseconds).</summary>
    public double Threshold { get; init; }

    /// <summary>Gets the multiple of the baseline that fires <c>spend</c> (1.2) and the spikes (2).</summary>
    public double Factor { get; init; }

    /// <summary>Gets the relative fall that fires <c>quality</c> (0.05 = 5%).</summary>
    public double Drop { get; init; }

    /// <summary>Gets the window measured (5m for error rate and latency, 1h for spikes, 3d for quality; a UTC day for spend).</summary>
    public TimeSpan Window { get; init; }

    /// <summary>Gets the baseline compared against: the window's length before it for quality, 24h before the window for spikes, 7d before today for spend.</summary>
    public TimeSpan Baseline { get; init; }

    /// <summary>Gets the fewest requests, answers, ratings or events the window (and the baseline, for quality) must hold for the rule to fire.</summary>
    public long MinCount { get; init; }

    /// <summary>Gets the spend below which <c>spend</c> never fires, so that a quiet server does not page.</summary>
    public decimal MinUsd { get; init; }

    /// <summary>Gets the metric of <c>quality</c>: <c>grounding</c> (mean grounding confidence) or <c>feedback</c> (share of thumbs up).</summary>
    public string? Metric { get; init; }

    /// <summary>Returns a rule of <paramref name="kind"/> with its kind's defaults.</summary>
    public static AlertRule Default(string name, string kind, string? metric = null) => kind switch
    {
        AlertKinds.Spend => new(name, kind) { Factor = 1.2, Window = TimeSpan.FromDays(1), Baseline = TimeSpan.FromDays(7), MinUsd = 5m },
        AlertKinds.Quality => new(name, kind) { Drop = 0.05, Window = TimeSpan.FromDays(3), Baseline = TimeSpan.FromDays(3), MinCount = 20, Metric = metric ?? "grounding" },
        AlertKinds.ErrorRate => new(name, kind) { Threshold = 0.05, Window = TimeSpan.FromMinutes(5), MinCount = 20, Severity = "critical" },
        AlertKinds.P99Latency => new(name, kind) { Threshold = 10_000, Window = TimeSpan.FromMinutes(5), MinCount = 20 },
        AlertKinds.AbstentionSpike or AlertKinds.GuardSpike => new(name, kind) { Factor = 2, Window = TimeSpan.FromHours(1), Baseline = TimeSpan.FromHours(24), MinCount = 5 },
        _ => new(name, kind),
    };

    /// <summary>Gets the rules used when the config lists none.</summary>
    public static IReadOnlyList<AlertRule> Defaults { get; } =
    [
        Default("spend", AlertKinds.Spend),
        Default("quality_grounding", AlertKinds.Quality, "grounding"),
        Default("quality_feedback", AlertKinds.Quality, "feedback"),
        Default("error_rate", AlertKinds.ErrorRate),
        Default("p99_latency", AlertKinds.P99Latency),
        Default("abstention_spike", AlertKinds.AbstentionSpike),
        Default("guard_spike", AlertKinds.GuardSpike),
    ];
}
