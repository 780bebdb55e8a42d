namespace Grounded.Rag.Access;

/// <summary>Continuous percentiles (linear interpolation between the closest ranks), as PostgreSQL's <c>percentile_cont</c> computes them.</summary>
public static class LatencyPercentiles
{
    /// <summary>Returns the <paramref name="fraction"/> percentile of <paramref name="sorted"/> (ascending); 0 when it is empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
