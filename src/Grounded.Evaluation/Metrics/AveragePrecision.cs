namespace Grounded.Evaluation.Metrics;

/// <summary>
/// Average precision (averaged over queries: MAP), as trec_eval's <c>map</c>: the mean, over every relevant document,
/// of the precision at its rank; a relevant document not retrieved contributes 0.
/// </summary>
public static class AveragePrecision
{
    /// <summary>Returns AP over the whole ranking, in [0, 1]; 0 when nothing is relevant.</summary>
    public static double Of(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> relevance)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(relevance);
        var relevant = relevance.Values.Count(g => g > 0);
        if (relevant == 0)
        {
            return 0;
        }

        var found = 0;
        var sum = 0.0;
        for (var i = 0; i < ranking.Count; i++)
        {
            if (relevance.GetValueOrDefault(ranking[i]) > 0)
            {
                sum += (double)++found / (i + 1);
            }
        }

        return sum / relevant;
    }
}
