using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// Scores the answer's citations against the expected sources: precision (share of distinct cited sources that are
/// expected; null when nothing was cited) and recall (share of expected sources cited; 0 when the answerer abstained).
/// Both are null on unanswerable items and on items that name no sources.
/// </summary>
public sealed class CitationEvaluator : IEvaluator
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [AnswerMetrics.CitationPrecision, AnswerMetrics.CitationRecall];

    /// <inheritdoc />
    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        var precision = new NumericMetric(AnswerMetrics.CitationPrecision);
        var recall = new NumericMetric(AnswerMetrics.CitationRecall);
        var result = new EvaluationResult(precision, recall);
        var references = EvaluatorInputs.Find<ReferenceAnswersContext>(additionalContext);
        var sources = EvaluatorInputs.Find<ReferenceSourcesContext>(additionalContext);
        var outcome = EvaluatorInputs.Find<AnswerOutcomeContext>(additionalContext);
        if (references is null || outcome is null)
        {
            var missing = references is null ? nameof(ReferenceAnswersContext) : nameof(AnswerOutcomeContext);
            result.AddDiagnosticsToAllMetrics(EvaluationDiagnostic.Error($"A {missing} was not found in the additional context."));
            return ValueTask.FromResult(result);
        }

        if (!references.Answerable || sources is not { Sources.Count: > 0 })
        {
            var why = !references.Answerable ? "the item is unanswerable" : "the item names no sources";
            EvaluatorInputs.NotApplicable(precision, why);
            EvaluatorInputs.NotApplicable(recall, why);
            return ValueTask.FromResult(result);
        }

        result.AddOrUpdateContextInAllMetrics(sources, outcome);
        var cited = outcome.Abstained ? [] : outcome.Citations.Select(c => c.Source).ToList();
        if (SourceMatch.Precision(cited, sources.Sources) is { } p)
        {
            EvaluatorInputs.Set(precision, p);
        }
        else
        {
            EvaluatorInputs.NotApplicable(precision, outcome.Abstained ? "the answerer abstained" : "the answer cites nothing");
        }

        EvaluatorInputs.Set(recall, SourceMatch.Recall(cited, sources.Sources) ?? 0, outcome.Abstained ? "The answerer abstained on an answerable question." : null);
        return ValueTask.FromResult(result);
    }
}
