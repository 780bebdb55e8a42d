namespace Grounded.Hosting.Monitoring;

/// <summary>Where one rule stands, as the dashboard and <c>grounded alerts check</c> show it.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="State">Either <c>firing</c> or <c>ok</c>.</param>
/// <param name="Since">When the rule entered the state; null when it was never evaluated.</param>
/// <param name="Value">The measured value; null when there was too little data.</param>
/// <param name="Threshold">The value it was compared with; null when there was too little data.</param>
/// <param name="Message">The last evaluation's one-line message.</param>
public sealed record AlertStatus(string Rule, string State, DateTimeOffset? Since, double? Value, double? Threshold, string Message);
