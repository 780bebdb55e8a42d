namespace Grounded.Evaluation.Metrics;

/// <summary>Reciprocal rank at k: 1 / the rank of the first relevant document when it is in the top k, else 0 (averaged: MRR@k).</summary>
public static class ReciprocalRank
{
    /// <summary>Returns RR@<paramref name="k"/> in [0, 1].</summary>
    public static double At(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> relevance, int k)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(relevance);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            if (relevance.GetValueOrDefault(ranking[i]) > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }
}
