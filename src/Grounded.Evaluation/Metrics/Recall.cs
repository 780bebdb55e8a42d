namespace Grounded.Evaluation.Metrics;

/// <summary>Recall at k: the share of the relevant documents (grade above 0) found in the top k.</summary>
public static class Recall
{
    /// <summary>Returns Recall@<paramref name="k"/> in [0, 1]; 0 when nothing is relevant.</summary>
    public static double At(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> relevance, int k)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        var relevant = relevance.Values.Count(g => g > 0);
        return relevant == 0 ? 0 : (double)Judged.RelevantInTop(ranking, relevance, k) / relevant;
    }
}
