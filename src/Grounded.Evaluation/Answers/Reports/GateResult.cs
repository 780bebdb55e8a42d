namespace Grounded.Evaluation.Answers;

/// <summary>Whether a run held up against its baseline.</summary>
/// <param name="Passed">True when no gated metric fell below baseline − tolerance (always true without a baseline).</param>
/// <param name="Failures">The metrics that did.</param>
public sealed record GateResult(bool Passed, IReadOnlyList<GateFailure> Failures)
{
    /// <summary>Gets the result of a run with no baseline.</summary>
    public static GateResult NoBaseline { get; } = new(true, []);
}
