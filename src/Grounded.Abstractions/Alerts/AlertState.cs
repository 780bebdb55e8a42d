namespace Grounded.Alerts;

/// <summary>
/// Where one alert rule stands, as the replicas share it: firing or ok since when, the value and threshold of its last
/// evaluation, when a webhook was last told, and a version that makes every transition a conditional write.
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="State">Either <c>firing</c> or <c>ok</c> (<see cref="AlertStates"/>).</param>
/// <param name="Since">When the rule entered this state.</param>
public sealed record AlertState(string Rule, string State, DateTimeOffset Since)
{
    /// <summary>Gets the rule's measured value at its last evaluation; null when there was too little data to measure.</summary>
    public double? Value { get; init; }

    /// <summary>Gets the value the rule compared against at its last evaluation; null when there was too little data.</summary>
    public double? Threshold { get; init; }

    /// <summary>Gets the last evaluation's one-line explanation.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Gets when the rule was last evaluated.</summary>
    public DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>Gets when webhooks were last told of this state (its start, or a reminder); null when they were not.</summary>
    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>Gets the state's version: 1 for the first stored, one more at each transition or reminder.</summary>
    public long Version { get; init; }
}
