namespace Grounded.Hosting.Monitoring;

/// <summary>What the server measures of its answers beyond counting them (<c>monitoring:</c> in the config).</summary>
public sealed record MonitoringOptions
{
    /// <summary>Gets whether the server exports metrics on <c>/metrics</c> (<c>monitoring.metrics</c>).</summary>
    /// <value>The default is true; false removes the metrics pipeline and the route (instruments without a listener cost nearly nothing).</value>
    public bool Metrics { get; init; } = true;

    /// <summary>Gets the model that judges a sample of production answers (<c>monitoring.judgeModel</c>); null: no answer is judged.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Gets the share of answers the judge scores, 0 to 1 (<c>monitoring.judgeSampleRate</c>).</summary>
    /// <value>The default is 0.05.</value>
    public double JudgeSampleRate { get; init; } = 0.05;
}
