namespace Grounded.Evaluation.Agreement;

/// <summary>
/// Agreement between two raters: Cohen's kappa (1960), weighted kappa with linear or quadratic disagreement weights
/// (Cohen 1968), and Spearman's rank correlation with ties given their average rank. Undefined values (chance agreement
/// of 1, a rater who gives one grade to everything) are null.
/// </summary>
public static class AgreementStatistics
{
    /// <summary>Returns Cohen's kappa of a square confusion matrix (rater A's categories as rows, rater B's as columns).</summary>
    public static double? Kappa(long[,] confusion) => Weighted(confusion, (i, j, _) => i == j ? 0 : 1);

    /// <summary>Returns weighted kappa with disagreement weights |i − j| / (k − 1) (linear) or its square (quadratic) over the category indices.</summary>
    public static double? WeightedKappa(long[,] confusion, bool quadratic) =>
        Weighted(confusion, (i, j, k) => k <= 1 ? 0 : quadratic ? Math.Pow(i - j, 2) / Math.Pow(k - 1, 2) : Math.Abs(i - j) / (double)(k - 1));

    /// <summary>Returns Spearman's rank correlation of paired values: Pearson's correlation of their ranks, ties sharing their average rank.</summary>
    public static double? Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("the two lists must pair up", nameof(y));
        }

        return x.Count < 2 ? null : Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>Returns each value's rank from 1, ties given the mean of the ranks they span.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>Returns Pearson's correlation; null when either list does not vary.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx <= 0 || syy <= 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    // kappa = 1 − Σ w·observed / Σ w·expected, with disagreement weights w (0 on the diagonal); expected from the margins.
    private static double? Weighted(long[,] confusion, Func<int, int, int, double> weight)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var k = confusion.GetLength(0);
        if (confusion.GetLength(1) != k)
        {
            throw new ArgumentException("the confusion matrix must be square", nameof(confusion));
        }

        var rows = new double[k];
        var columns = new double[k];
        double n = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                rows[i] += confusion[i, j];
                columns[j] += confusion[i, j];
                n += confusion[i, j];
            }
        }

        if (n == 0)
        {
            return null;
        }

        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var w = weight(i, j, k);
                observed += w * confusion[i, j] / n;
                expected += w * rows[i] * columns[j] / (n * n);
            }
        }

        return expected <= 0 ? null : 1 - observed / expected;
    }
}
