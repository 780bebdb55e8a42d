using Grounded.Evaluation.Metrics;

namespace Grounded.Evaluation.Tests.Metrics;

public sealed class MatchScoreTests
{
    [Fact]
    public void PrecisionIsOverHitsRecallOverParaphrasesAndHitRateOverAllPairs()
    {
        // 5 pairs, 3 paraphrases; 2 hits, one right.
        var score = MatchScore.Of([true, true, true, false, false], [true, false, false, true, false]);

        Assert.Equal(new MatchScore(2, 0.5, 1.0 / 3, 0.4), score);
    }

    [Fact]
    public void PrecisionIsUndefinedWithoutHits()
    {
        Assert.Null(MatchScore.Of([true, false], [false, false]).Precision);
    }
}
