namespace Grounded.Bench;

/// <summary>Separation of scored positives and negatives: ROC AUC, and precision/recall at a threshold.</summary>
internal static class BinaryScores
{
    /// <summary>Returns the probability that a random positive scores above a random negative (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return double.NaN;
        }

        var sorted = negatives.Order().ToArray();
        double wins = 0;
        foreach (var p in positives)
        {
            var below = LowerBound(sorted, p);
            var upTo = UpperBound(sorted, p);
            wins += below + ((upTo - below) / 2.0);
        }

        return wins / ((double)positives.Count * negatives.Count);
    }

    /// <summary>Returns precision, recall and F1 of "supported" (score ≥ threshold) against the labels.</summary>
    public static (double Precision, double Recall, double F1) AtThreshold(IReadOnlyList<double> positives, IReadOnlyList<double> negatives, double threshold)
    {
        var tp = positives.Count(p => p >= threshold);
        var fp = negatives.Count(n => n >= threshold);
        var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        var recall = positives.Count == 0 ? 0 : tp / (double)positives.Count;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= value) { lo = mid + 1; } else { hi = mid; }
        }

        return lo;
    }
}
