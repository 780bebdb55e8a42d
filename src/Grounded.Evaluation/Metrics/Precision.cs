namespace Grounded.Evaluation.Metrics;

/// <summary>Precision at k: relevant documents in the top k divided by k (trec_eval's <c>P</c>: a short ranking is not rewarded).</summary>
public static class Precision
{
    /// <summary>Returns Precision@<paramref name="k"/> in [0, 1].</summary>
    public static double At(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> relevance, int k) =>
        (double)Judged.RelevantInTop(ranking, relevance, k) / k;
}
