namespace Grounded.Evaluation.Metrics;

/// <summary>
/// Normalised discounted cumulative gain at k, as trec_eval's <c>ndcg_cut</c> (and so BEIR) computes it: linear gains
/// (the relevance grade), discount log2(rank + 1), divided by the gain of the ideal ordering of the judged documents.
/// </summary>
public static class Ndcg
{
    /// <summary>Returns nDCG@<paramref name="k"/> of a ranking (document ids, best first) in [0, 1]; 0 when nothing is relevant.</summary>
    public static double At(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> relevance, int k)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(relevance);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            dcg += Math.Max(0, relevance.GetValueOrDefault(ranking[i])) / Math.Log2(i + 2);
        }

        var ideal = 0.0;
        var rank = 0;
        foreach (var grade in relevance.Values.Where(g => g > 0).OrderDescending().Take(k))
        {
            ideal += grade / Math.Log2(++rank + 1);
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }
}
