namespace Grounded.Evaluation.Answers;

/// <summary>Percentile-bootstrap confidence intervals of a mean, from a fixed seed so a run's report is reproducible.</summary>
public static class BootstrapInterval
{
    /// <summary>The seed every interval is drawn with unless told otherwise.</summary>
    public const int DefaultSeed = 20261201;

    /// <summary>
    /// Returns the [lo, hi] percentile interval of the mean of <paramref name="values"/> at <paramref name="level"/>
    /// (0.95: the 2.5th and 97.5th percentiles of <paramref name="resamples"/> resampled means); null when there are no values.
    /// </summary>
    public static double[]? Of(IReadOnlyList<double> values, int resamples = 1000, double level = 0.95, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "the level must lie between 0 and 1");
        }

        if (values.Count == 0)
        {
            return null;
        }

        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[random.Next(values.Count)];
            }

            means[r] = sum / values.Count;
        }

        Array.Sort(means);
        var alpha = (1 - level) / 2;
        return [Math.Round(Quantile(means, alpha), 6), Math.Round(Quantile(means, 1 - alpha), 6)];
    }

    // Linear interpolation between order statistics (type 7, as R and NumPy default to).
    private static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
