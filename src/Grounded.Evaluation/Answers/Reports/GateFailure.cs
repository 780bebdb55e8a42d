namespace Grounded.Evaluation.Answers;

/// <summary>A metric that fell below its baseline by more than the tolerance, or that the baseline has and the run did not measure.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Baseline">The baseline's value.</param>
/// <param name="Value">This run's value; null when the run did not measure it.</param>
/// <param name="Tolerance">How far below the baseline a run may fall.</param>
public sealed record GateFailure(string Metric, double Baseline, double? Value, double Tolerance)
{
    /// <inheritdoc />
    public override string ToString() => Value is { } value
        ? FormattableString.Invariant($"{Metric} {value:0.000} is below the baseline {Baseline:0.000} - {Tolerance:0.###}")
        : $"{Metric}: in the baseline but not measured in this run";
}
