using Grounded.Evaluation.Answers;

namespace Grounded.Evaluation.Tests.Answers;

public sealed class TextScoresTests
{
    [Fact]
    public void ExactMatchIgnoresCaseArticlesPunctuationAndCitationMarkers() =>
        Assert.Equal(1, TextScores.ExactMatch("The Eiffel Tower! [1]", ["eiffel tower"]));

    [Fact]
    public void ExactMatchTakesTheBestAcceptableAnswer()
    {
        Assert.Equal(1, TextScores.ExactMatch("384", ["three hundred", "384"]));
        Assert.Equal(0, TextScores.ExactMatch("384 dimensions", ["384"]));
    }

    [Fact]
    public void TokenF1CountsSharedTokensLikeSquad()
    {
        // answer tokens: default chunk size 512 tokens (6 after dropping "the"); reference: 512 tokens (2) → P 2/6, R 1, F1 0.5
        Assert.Equal(0.5, TextScores.TokenF1("The default chunk size is 512 tokens [1].", ["512 tokens"]), 6);
    }

    [Fact]
    public void TokenF1IsZeroWithNothingShared() => Assert.Equal(0, TextScores.TokenF1("hybrid", ["dense"]));

    [Fact]
    public void RougeLUsesTheLongestCommonSubsequenceInOrder()
    {
        // "a b c d" vs "a c b d": LCS 3 of 4 both ways → F 0.75; token F1 would be 1.
        Assert.Equal(0.75, TextScores.RougeL("w x y z", ["w y x z"]), 6);
        Assert.Equal(1, TextScores.TokenF1("w x y z", ["w y x z"]), 6);
    }

    [Fact]
    public void CitationMarkersAreStrippedIncludingLists() =>
        Assert.Equal("Tides follow the Moon.", AnswerText.StripCitations("Tides follow the Moon [1, 2]."));
}
