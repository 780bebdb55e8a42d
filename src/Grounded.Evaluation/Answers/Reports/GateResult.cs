using System.Text.Json.Serialization;

namespace Grounded.Evaluation.Answers;

/// <summary>Whether a run held up against its baseline.</summary>
/// <param name="Passed">True when no gated metric fell below baseline − tolerance (always true without a baseline).</param>
/// <param name="Failures">The metrics that did.</param>
public sealed record GateResult(bool Passed, IReadOnlyList<GateFailure> Failures)
{
    /// <summary>Gets the result of a run with no baseline.</summary>
    public static GateResult NoBaseline { get; } = new(true, []);

    /// <summary>Gets the baseline's metrics the run was compared with; null, and left out of JSON, when there was no baseline.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double?>? Baseline { get; init; }

    /// <summary>Gets how far below the baseline a metric could fall; null, and left out of JSON, when there was no baseline.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Tolerance { get; init; }
}
