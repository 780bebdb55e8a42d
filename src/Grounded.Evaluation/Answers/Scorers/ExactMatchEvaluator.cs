namespace Grounded.Evaluation.Answers;

/// <summary>Scores 1 when the normalised answer equals an acceptable answer (SQuAD normalisation), else 0; null on unanswerable items, 0 when the answerer abstained.</summary>
public sealed class ExactMatchEvaluator : ReferenceAnswerEvaluator
{
    /// <inheritdoc />
    protected override string MetricName => AnswerMetrics.ExactMatch;

    /// <inheritdoc />
    protected override ValueTask<double> ScoreAsync(string answer, IReadOnlyList<string> references, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TextScores.ExactMatch(answer, references));
}
