using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>Scores abstention on unanswerable items: 1 when the answerer abstained, else 0; null on answerable items.</summary>
public sealed class AbstentionEvaluator : IEvaluator
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [AnswerMetrics.AbstentionAccuracy];

    /// <inheritdoc />
    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var metric = new NumericMetric(AnswerMetrics.AbstentionAccuracy);
        if (EvaluatorInputs.Find<ReferenceAnswersContext>(additionalContext) is not { } references)
        {
            return ValueTask.FromResult(EvaluatorInputs.Missing<ReferenceAnswersContext>(metric));
        }

        if (references.Answerable)
        {
            EvaluatorInputs.NotApplicable(metric, "the item is answerable");
        }
        else
        {
            var abstained = EvaluatorInputs.Abstained(modelResponse, additionalContext);
            EvaluatorInputs.Set(metric, abstained ? 1 : 0, abstained ? "Abstained on an unanswerable question." : "Answered a question the documents do not answer.");
        }

        return ValueTask.FromResult(new EvaluationResult(metric));
    }
}
