using System.Text.Json.Serialization;

namespace Grounded.Evaluation.Answers;

/// <summary>An answer-quality run: per item, overall means with bootstrap 95% intervals, means per tag, counts and the baseline gate.</summary>
/// <param name="Items">Each item's result, in dataset order.</param>
/// <param name="Metrics">Each metric's mean over the items it applies to; null when it applies to none.</param>
/// <param name="Confidence">Each metric's percentile-bootstrap 95% interval [lo, hi]; null when it applies to no item.</param>
/// <param name="Tags">Each tag's metric means.</param>
/// <param name="Counts">How many items were scored.</param>
/// <param name="Gate">The baseline gate's result.</param>
/// <param name="Prompt">The answer prompt's reference, when one was given.</param>
/// <param name="Model">What wrote the answers: a model name, or <c>extractive</c>.</param>
/// <param name="ElapsedSeconds">How long the run took.</param>
public sealed record AnswerEvaluationReport(
    IReadOnlyList<AnswerItemReport> Items,
    IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyDictionary<string, double[]?> Confidence,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>> Tags,
    AnswerCounts Counts,
    GateResult Gate,
    string? Prompt,
    string? Model,
    double ElapsedSeconds)
{
    /// <summary>Gets how the answers were judged; null, and left out of JSON, when no judge ran.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JudgeSummary? Judge { get; init; }
}
