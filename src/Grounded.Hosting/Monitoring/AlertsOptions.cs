namespace Grounded.Hosting.Monitoring;

/// <summary>The alerts (<c>alerts:</c>): the rules the server evaluates on a schedule and the webhooks it tells of firings and resolutions.</summary>
public sealed record AlertsOptions
{
    /// <summary>Gets whether the server evaluates the rules at all (<c>alerts.enabled</c>); <c>grounded alerts test|check</c> work either way.</summary>
    /// <value>The default is true.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>Gets the webhooks (Slack-compatible JSON is posted to each).</summary>
    /// <value>The default is none: rules are evaluated (the dashboard shows them) but nothing is sent.</value>
    public IReadOnlyList<Uri> Webhooks { get; init; } = [];

    /// <summary>Gets how often the rules are evaluated.</summary>
    /// <value>The default is one minute.</value>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets after how long a rule still firing is sent again.</summary>
    /// <value>The default is four hours.</value>
    public TimeSpan RepeatAfter { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Gets the rules.</summary>
    /// <value>The default is <see cref="AlertRule.Defaults"/>.</value>
    public IReadOnlyList<AlertRule> Rules { get; init; } = AlertRule.Defaults;
}
