namespace Grounded.Evaluation.Reports;

/// <summary>Precision, recall and their harmonic mean; a share is null when nothing was there to divide by.</summary>
/// <param name="Precision">The share of predictions that are right; null when nothing was predicted.</param>
/// <param name="Recall">The share of labelled entities found; null when none were labelled.</param>
/// <param name="F1">The harmonic mean of the two; 0 when either is 0 or missing.</param>
public sealed record PiiScore(double? Precision, double? Recall, double F1)
{
    /// <summary>Returns the score of <paramref name="correct"/> right predictions out of <paramref name="predicted"/> and <paramref name="found"/> labelled entities found out of <paramref name="labelled"/>.</summary>
    public static PiiScore Of(int correct, int predicted, int found, int labelled)
    {
        double? precision = predicted == 0 ? null : (double)correct / predicted;
        double? recall = labelled == 0 ? null : (double)found / labelled;
        var f1 = precision is { } p && recall is { } r && p + r > 0 ? 2 * p * r / (p + r) : 0;
        return new PiiScore(Round(precision), Round(recall), Round(f1)!.Value);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
