namespace Grounded.Evaluation.Metrics;

/// <summary>Counting shared by the set-based metrics.</summary>
internal static class Judged
{
    public static int RelevantInTop(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> relevance, int k)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(relevance);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var count = 0;
        for (var i = 0; i < Math.Min(k, ranking.Count); i++)
        {
            count += relevance.GetValueOrDefault(ranking[i]) > 0 ? 1 : 0;
        }

        return count;
    }
}
