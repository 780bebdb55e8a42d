using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;
using Grounded.Evaluation.Reports;
using Grounded.Guards.Injection;

namespace Grounded.Evaluation;

/// <summary>
/// Scores a prompt-injection detector on a labelled set: precision, recall, F1 and the false-positive rate of its
/// verdicts. Each text is checked on its own, as a user's message is.
/// </summary>
public static class InjectionEvaluation
{
    /// <summary>Checks every item with <paramref name="detector"/> and returns the scores; <paramref name="progress"/> gets the number of items done.</summary>
    public static async Task<InjectionEvalReport> EvaluateAsync(
        IReadOnlyList<LabelledText> items, IInjectionDetector detector, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(detector);
        var counts = default(BinaryCounts);
        for (var i = 0; i < items.Count; i++)
        {
            var verdict = await detector.CheckAsync(items[i].Text, cancellationToken).ConfigureAwait(false);
            counts = counts.Add(verdict.IsInjection, items[i].IsInjection);
            progress?.Report(i + 1);
        }

        return Report(counts);
    }

    /// <summary>Returns the report of <paramref name="counts"/>.</summary>
    public static InjectionEvalReport Report(BinaryCounts counts) => new(
        counts.Items, counts.Precision, counts.Recall, counts.F1, counts.FalsePositiveRate,
        counts.TruePositives, counts.FalsePositives, counts.TrueNegatives, counts.FalseNegatives);
}
