using System.Globalization;

namespace Grounded.Evaluation.Metrics;

/// <summary>
/// The named retrieval metrics of one ranking: <c>ndcg@k</c>, <c>recall@k</c> and <c>precision@k</c> for every k asked
/// (always including 5, 10 and 100), then <c>mrr@10</c> and <c>map</c>. Names are lowercase, values in [0, 1].
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>The cut-offs always reported, whatever else is asked: the contract's precision@5, ndcg@10, recall@10 and recall@100.</summary>
    public static IReadOnlyList<int> RequiredCutoffs { get; } = [5, 10, 100];

    /// <summary>Returns the cut-offs reported for <paramref name="asked"/>: those plus <see cref="RequiredCutoffs"/>, ascending.</summary>
    public static IReadOnlyList<int> Cutoffs(IEnumerable<int> asked) => asked.Concat(RequiredCutoffs).Distinct().Order().ToList();

    /// <summary>Returns every metric of one ranking (document ids, best first) against the query's graded judgments.</summary>
    public static OrderedDictionary<string, double> Compute(IReadOnlyList<string> ranking, IReadOnlyDictionary<string, int> relevance, IReadOnlyList<int> cutoffs)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        var metrics = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var k in cutoffs)
        {
            metrics[Name("ndcg", k)] = Ndcg.At(ranking, relevance, k);
        }

        foreach (var k in cutoffs)
        {
            metrics[Name("recall", k)] = Recall.At(ranking, relevance, k);
        }

        foreach (var k in cutoffs)
        {
            metrics[Name("precision", k)] = Precision.At(ranking, relevance, k);
        }

        metrics["mrr@10"] = ReciprocalRank.At(ranking, relevance, 10);
        metrics["map"] = AveragePrecision.Of(ranking, relevance);
        return metrics;
    }

    /// <summary>Returns the mean of each metric over the queries, rounded to four places, in the first query's order.</summary>
    public static OrderedDictionary<string, double> Mean(IReadOnlyList<OrderedDictionary<string, double>> perQuery)
    {
        ArgumentNullException.ThrowIfNull(perQuery);
        var mean = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        if (perQuery.Count == 0)
        {
            return mean;
        }

        foreach (var name in perQuery[0].Keys)
        {
            mean[name] = Math.Round(perQuery.Average(q => q[name]), 4);
        }

        return mean;
    }

    private static string Name(string metric, int k) => string.Create(CultureInfo.InvariantCulture, $"{metric}@{k}");
}
