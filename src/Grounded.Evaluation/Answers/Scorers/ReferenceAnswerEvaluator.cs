using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// The mechanics every answer-text metric shares: null on an unanswerable item (<see cref="ReferenceAnswersContext"/>
/// with no answers), 0 when the answerer abstained on an answerable one, otherwise the subclass's score of the text
/// (citation markers stripped) against the acceptable answers.
/// </summary>
public abstract class ReferenceAnswerEvaluator : IEvaluator
{
    /// <summary>Gets the name of the one metric this evaluator returns.</summary>
    protected abstract string MetricName { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    /// <inheritdoc />
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var metric = new NumericMetric(MetricName);
        if (EvaluatorInputs.Find<ReferenceAnswersContext>(additionalContext) is not { } references)
        {
            return EvaluatorInputs.Missing<ReferenceAnswersContext>(metric);
        }

        metric.AddOrUpdateContext(references);
        if (!references.Answerable)
        {
            EvaluatorInputs.NotApplicable(metric, "the item is unanswerable");
        }
        else if (EvaluatorInputs.Abstained(modelResponse, additionalContext))
        {
            EvaluatorInputs.Set(metric, 0, "The answerer abstained on an answerable question.");
        }
        else
        {
            EvaluatorInputs.Set(metric, await ScoreAsync(AnswerText.StripCitations(modelResponse.Text), references.Answers, cancellationToken).ConfigureAwait(false));
        }

        return new EvaluationResult(metric);
    }

    /// <summary>Returns the score of <paramref name="answer"/> (markers stripped) against the best of <paramref name="references"/>.</summary>
    protected abstract ValueTask<double> ScoreAsync(string answer, IReadOnlyList<string> references, CancellationToken cancellationToken);
}
