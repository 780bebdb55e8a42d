namespace Grounded.Evaluation.Answers;

/// <summary>Scores ROUGE-L F-measure (longest common token subsequence) against the best acceptable answer; null on unanswerable items, 0 when the answerer abstained.</summary>
public sealed class RougeLEvaluator : ReferenceAnswerEvaluator
{
    /// <inheritdoc />
    protected override string MetricName => AnswerMetrics.RougeL;

    /// <inheritdoc />
    protected override ValueTask<double> ScoreAsync(string answer, IReadOnlyList<string> references, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TextScores.RougeL(answer, references));
}
