namespace Grounded.Evaluation.Answers;

/// <summary>Scores SQuAD token F1 of the answer against the best acceptable answer; null on unanswerable items, 0 when the answerer abstained.</summary>
public sealed class TokenF1Evaluator : ReferenceAnswerEvaluator
{
    /// <inheritdoc />
    protected override string MetricName => AnswerMetrics.TokenF1;

    /// <inheritdoc />
    protected override ValueTask<double> ScoreAsync(string answer, IReadOnlyList<string> references, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TextScores.TokenF1(answer, references));
}
