namespace Grounded.Hosting.Monitoring;

/// <summary>One rule's evaluation: whether it fires, the value measured, the threshold it was compared with, and a one-line message.</summary>
/// <param name="Rule">The rule evaluated.</param>
/// <param name="Firing">Whether its condition holds.</param>
/// <param name="Value">The measured value; null when there was too little data.</param>
/// <param name="Threshold">The value it was compared with; null when there was too little data.</param>
/// <param name="Message">What was measured, in one line.</param>
public sealed record AlertReading(AlertRule Rule, bool Firing, double? Value, double? Threshold, string Message);
