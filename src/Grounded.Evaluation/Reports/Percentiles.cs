namespace Grounded.Evaluation.Reports;

/// <summary>Nearest-rank percentiles of timings.</summary>
public static class Percentiles
{
    /// <summary>Returns the nearest-rank <paramref name="p"/>-th percentile (p in (0, 1]) of the values, rounded to 0.1; 0 when there are none.</summary>
    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
    }

    /// <summary>Returns p50 and p95 of the values, keyed "p50" and "p95".</summary>
    public static Dictionary<string, double> Summary(IReadOnlyCollection<double> values) =>
        new(StringComparer.Ordinal) { ["p50"] = Of(values, 0.50), ["p95"] = Of(values, 0.95) };
}
