using Grounded.Gateway.Cache;

namespace Grounded.Gateway.Tests.Cache;

public sealed class SemanticMatcherTests
{
    private static readonly float[] East = [1, 0];
    private static readonly float[] NorthEast = [0.8f, 0.6f]; // cosine 0.8 with East

    [Fact]
    public void APairBelowTheThresholdIsAMissWithItsCosine()
    {
        var match = new SemanticMatcher(0.9).Match("How do I reset my password?", East, "How can I reset my password?", NorthEast);

        Assert.False(match.IsHit);
        Assert.Equal("below-threshold", match.Reason);
        Assert.Equal(0.8, match.Cosine, 1e-6);
    }

    [Fact]
    public void APairAtOrAboveTheThresholdThatTheGuardAcceptsIsAHit()
    {
        Assert.True(new SemanticMatcher(0.8).Match("How do I reset my password?", East, "How can I reset my password?", NorthEast).IsHit);
        Assert.True(new SemanticMatcher(1.0).Match("How do I reset my password?", East, "How can I reset my password?", East).IsHit);
    }

    [Fact]
    public void TheGuardTurnsAwayAPairWhoseEmbeddingsAreTheSame()
    {
        var match = new SemanticMatcher().Match("Is ibuprofen safe during pregnancy?", East, "Is ibuprofen not safe during pregnancy?", East);

        Assert.False(match.IsHit);
        Assert.Equal("negation", match.Reason);
        Assert.Equal(1.0, match.Cosine, 1e-6);
    }

    [Fact]
    public void EmbeddingsOfDifferentLengthsNeverMatch()
    {
        var match = new SemanticMatcher().Match("hello", East, "hello", [1, 0, 0]);

        Assert.False(match.IsHit);
        Assert.Equal("dimensions", match.Reason);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void AThresholdOutsideZeroToOneIsRefused(double threshold)
    {
        Assert.NotNull(SemanticMatcher.ThresholdProblem(threshold));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SemanticMatcher(threshold));
    }

    [Fact]
    public void TheDefaultThresholdIsTheDocumentedOne()
    {
        Assert.Equal(SemanticMatcher.DefaultThreshold, new SemanticMatcher().Threshold);
        Assert.Null(SemanticMatcher.ThresholdProblem(SemanticMatcher.DefaultThreshold));
    }
}
