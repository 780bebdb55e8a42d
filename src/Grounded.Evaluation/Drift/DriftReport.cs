namespace Grounded.Evaluation.Drift;

/// <summary>Recent traffic compared with a reference window.</summary>
/// <param name="Recent">The recent window.</param>
/// <param name="Reference">The reference window.</param>
/// <param name="Signals">Each signal compared; empty when a window has too few questions.</param>
/// <param name="Drifted">Whether any signal is flagged.</param>
/// <param name="Message">Why nothing was compared (a window with too few questions); null otherwise.</param>
public sealed record DriftReport(WindowSummary Recent, WindowSummary Reference, IReadOnlyList<DriftSignal> Signals, bool Drifted, string? Message);
