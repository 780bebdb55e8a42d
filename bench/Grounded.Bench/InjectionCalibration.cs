using Grounded.Evaluation.Metrics;

namespace Grounded.Bench;

/// <summary>Thresholds and figures for a scored binary classifier whose verdict is "a heuristic fired, or the score reached the threshold".</summary>
internal static class InjectionCalibration
{
    /// <summary>A threshold and the counts it gives.</summary>
    public sealed record Point(double Threshold, BinaryCounts Counts);

    /// <summary>Returns the threshold with the best F1 among those whose false-positive rate stays at most <paramref name="maxFpr"/>.</summary>
    /// <remarks>The threshold sits halfway (in log-odds) between the lowest score it flags and the next lower one, not on a training score.</remarks>
    public static Point Calibrate(IReadOnlyList<double> scores, IReadOnlyList<bool> fired, IReadOnlyList<bool> labels, double maxFpr)
    {
        var distinct = scores.Distinct().OrderByDescending(s => s).ToList();
        Point? best = null;
        for (var k = 0; k < distinct.Count; k++)
        {
            var below = k + 1 < distinct.Count ? distinct[k + 1] : 0;
            var threshold = Midpoint(distinct[k], below);
            var counts = Count(scores, fired, labels, threshold);
            if (counts.FalsePositiveRate > maxFpr)
            {
                break;
            }

            if (best is null || counts.F1 > best.Counts.F1)
            {
                best = new Point(threshold, counts);
            }
        }

        // Nothing qualifies only when the heuristics alone exceed the rate: flag nothing more than they do.
        return best ?? new Point(0.999999, Count(scores, fired, labels, 0.999999));
    }

    /// <summary>Returns the counts of "fired, or score ≥ threshold" against the labels.</summary>
    public static BinaryCounts Count(IReadOnlyList<double> scores, IReadOnlyList<bool> fired, IReadOnlyList<bool> labels, double threshold) =>
        BinaryCounts.Of(scores.Select((s, i) => fired[i] || s >= threshold), labels);

    /// <summary>Returns the area under the ROC curve of <paramref name="scores"/> (ties count half).</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = scores.Where((_, i) => labels[i]).ToList();
        var negatives = scores.Where((_, i) => !labels[i]).ToList();
        var wins = 0.0;
        foreach (var p in positives)
        {
            foreach (var n in negatives)
            {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        return wins / (positives.Count * (double)negatives.Count);
    }

    /// <summary>Splits item indices into <paramref name="folds"/> folds with the same share of positives, shuffled with <paramref name="seed"/>.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<bool> labels, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[labels.Count];
        foreach (var label in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                fold[members[k]] = k % folds;
            }
        }

        return fold;
    }

    private static double Midpoint(double a, double b)
    {
        static double Logit(double p) => Math.Log(Math.Clamp(p, 1e-9, 1 - 1e-9) / (1 - Math.Clamp(p, 1e-9, 1 - 1e-9)));
        return LogisticRegression.Sigmoid((Logit(a) + Logit(b)) / 2);
    }
}
