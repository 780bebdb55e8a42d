namespace Grounded.Evaluation.Drift;

/// <summary>Two-sample tests for drift reports: Mann–Whitney U and the two-proportion z-test, both two-sided with the normal approximation.</summary>
public static class SignificanceTests
{
    /// <summary>
    /// Returns the Mann–Whitney U test of <paramref name="first"/> against <paramref name="second"/>: the two-sided p-value
    /// (normal approximation, tie-corrected variance, continuity correction) and the probability that a value of the
    /// first sample exceeds one of the second (ties count half), 0.5 when they do not differ.
    /// </summary>
    public static (double PValue, double Superiority) MannWhitney(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        double n1 = first.Count, n2 = second.Count, n = n1 + n2;
        if (n1 == 0 || n2 == 0)
        {
            return (1, 0.5);
        }

        var ranks = Agreement.AgreementStatistics.Ranks([.. first, .. second]);
        var u = ranks.Take(first.Count).Sum() - n1 * (n1 + 1) / 2;
        var ties = ranks.GroupBy(r => r).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var variance = n1 * n2 / 12 * (n + 1 - ties / (n * (n - 1)));
        var mean = n1 * n2 / 2;
        if (variance <= 0)
        {
            return (1, 0.5);
        }

        var z = Math.Max(0, Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
        return (TwoSided(z), u / (n1 * n2));
    }

    /// <summary>Returns the two-sided p-value of the pooled two-proportion z-test of <paramref name="hits1"/>/<paramref name="n1"/> against <paramref name="hits2"/>/<paramref name="n2"/>.</summary>
    public static double TwoProportions(int hits1, int n1, int hits2, int n2)
    {
        if (n1 == 0 || n2 == 0)
        {
            return 1;
        }

        var pooled = (hits1 + hits2) / (double)(n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return se <= 0 ? 1 : TwoSided(Math.Abs(hits1 / (double)n1 - hits2 / (double)n2) / se);
    }

    /// <summary>Returns P(|Z| ≥ z) for a standard normal Z.</summary>
    public static double TwoSided(double z) => Math.Min(1, Erfc(Math.Abs(z) / Math.Sqrt(2)));

    // The complementary error function, Chebyshev fit with fractional error below 1.2e-7 everywhere (Numerical Recipes, erfcc).
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
            + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
