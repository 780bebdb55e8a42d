using Grounded.Answers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>Reads the contexts the answer evaluators take, and rates their 0..1 scores the way MEAI.Evaluation's NLP evaluators do.</summary>
internal static class EvaluatorInputs
{
    public static T? Find<T>(IEnumerable<EvaluationContext>? contexts) where T : EvaluationContext => contexts?.OfType<T>().FirstOrDefault();

    /// <summary>Returns whether the answerer abstained: the outcome context says so, else the text is the abstention sentence.</summary>
    public static bool Abstained(ChatResponse response, IEnumerable<EvaluationContext>? contexts) =>
        Find<AnswerOutcomeContext>(contexts)?.Abstained ?? string.Equals(response.Text.Trim(), GeneratedAnswer.AbstentionText, StringComparison.Ordinal);

    public static EvaluationResult Missing<T>(NumericMetric metric) where T : EvaluationContext
    {
        metric.AddDiagnostics(EvaluationDiagnostic.Error($"A {typeof(T).Name} was not found in the additional context."));
        return new EvaluationResult(metric);
    }

    public static void NotApplicable(NumericMetric metric, string why)
    {
        metric.Value = null;
        metric.Reason = $"Not applicable: {why}.";
        metric.Interpretation = new EvaluationMetricInterpretation(EvaluationRating.Inconclusive, failed: false, reason: metric.Reason);
    }

    public static void Set(NumericMetric metric, double value, string? reason = null)
    {
        metric.Value = value;
        metric.Reason = reason;
        var rating = value switch
        {
            > 0.8 => EvaluationRating.Exceptional,
            > 0.6 => EvaluationRating.Good,
            > 0.4 => EvaluationRating.Average,
            > 0.2 => EvaluationRating.Poor,
            _ => EvaluationRating.Unacceptable,
        };
        metric.Interpretation = value < 0.5
            ? new EvaluationMetricInterpretation(rating, failed: true, reason: $"{metric.Name} is below 0.5.")
            : new EvaluationMetricInterpretation(rating);
    }
}
