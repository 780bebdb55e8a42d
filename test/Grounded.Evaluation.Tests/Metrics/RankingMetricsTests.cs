using Grounded.Evaluation.Metrics;

namespace Grounded.Evaluation.Tests.Metrics;

/// <summary>
/// One ranking worked by hand: d1 d2 d3 d4 d5 retrieved; d2 is relevant with grade 2, d4 and d9 (never retrieved) with
/// grade 1. DCG@5 = 2/log2(3) + 1/log2(5) = 1.69254; ideal DCG@5 = 2 + 1/log2(3) + 1/log2(4) = 3.13093.
/// </summary>
public sealed class RankingMetricsTests
{
    private static readonly string[] Ranking = ["d1", "d2", "d3", "d4", "d5"];
    private static readonly Dictionary<string, int> Relevance = new() { ["d2"] = 2, ["d4"] = 1, ["d9"] = 1, ["d5"] = 0 };

    [Fact]
    public void NdcgUsesLinearGainsAndTheIdealOrderOfEveryJudgedDocument()
    {
        Assert.Equal(0.540586, Ndcg.At(Ranking, Relevance, 5), 6);
        Assert.Equal(0.403030, Ndcg.At(Ranking, Relevance, 3), 6);   // (2/log2 3) / (2 + 1/log2 3 + 1/2)
        Assert.Equal(0, Ndcg.At(Ranking, Relevance, 1));
    }

    [Fact]
    public void APerfectRankingHasNdcgOne()
    {
        Assert.Equal(1, Ndcg.At(["d2", "d4", "d9", "d1"], Relevance, 10), 9);
        Assert.Equal(1, Ndcg.At(["d2", "d9"], Relevance, 2), 9);    // d4 and d9 tie, either order is ideal
    }

    [Fact]
    public void RecallCountsRelevantDocumentsFoundOverAllRelevantOnes()
    {
        Assert.Equal(2.0 / 3, Recall.At(Ranking, Relevance, 5), 9);
        Assert.Equal(1.0 / 3, Recall.At(Ranking, Relevance, 2), 9);
        Assert.Equal(0, Recall.At(Ranking, Relevance, 1));
    }

    [Fact]
    public void PrecisionDividesByKEvenWhenFewerDocumentsWereRetrieved()
    {
        Assert.Equal(2.0 / 5, Precision.At(Ranking, Relevance, 5), 9);
        Assert.Equal(2.0 / 10, Precision.At(Ranking, Relevance, 10), 9);
    }

    [Fact]
    public void ReciprocalRankIsOneOverTheFirstRelevantRankWithinTheCutoff()
    {
        Assert.Equal(0.5, ReciprocalRank.At(Ranking, Relevance, 10), 9);
        Assert.Equal(0, ReciprocalRank.At(Ranking, Relevance, 1));
    }

    [Fact]
    public void AveragePrecisionCountsAnUnretrievedRelevantDocumentAsZero()
    {
        // precision at d2 = 1/2, at d4 = 2/4; three relevant documents → (0.5 + 0.5) / 3
        Assert.Equal(1.0 / 3, AveragePrecision.Of(Ranking, Relevance), 9);
    }

    [Fact]
    public void AQueryWithNothingRelevantScoresZeroEverywhere()
    {
        var none = new Dictionary<string, int> { ["d1"] = 0 };

        var metrics = RetrievalMetrics.Compute(Ranking, none, [10]);

        Assert.All(metrics.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void TheMetricSetAlwaysHoldsTheContractKeysInLowercase()
    {
        var metrics = RetrievalMetrics.Compute(Ranking, Relevance, RetrievalMetrics.Cutoffs([1, 3]));

        foreach (var key in new[] { "ndcg@10", "recall@10", "recall@100", "precision@5", "mrr@10", "map", "ndcg@1", "recall@3" })
        {
            Assert.Contains(key, metrics.Keys);
        }

        Assert.Equal(0.5, metrics["mrr@10"], 9);
        Assert.All(metrics.Values, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void TheMeanIsTakenPerMetricAcrossQueries()
    {
        var perfect = RetrievalMetrics.Compute(["d2", "d4", "d9"], Relevance, [10]);
        var worked = RetrievalMetrics.Compute(Ranking, Relevance, [10]);

        var mean = RetrievalMetrics.Mean([perfect, worked]);

        Assert.Equal(Math.Round((1 + 0.5) / 2, 4), mean["mrr@10"]);
        Assert.Equal(Math.Round((1 + 1.0 / 3) / 2, 4), mean["map"]);
    }
}
