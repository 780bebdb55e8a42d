using Grounded.Evaluation.Answers;
using static Grounded.Evaluation.Tests.Answers.AnswerFixtures;

namespace Grounded.Evaluation.Tests.Answers;

public sealed class ScorersTests
{
    [Fact]
    public async Task AnAnsweredAnswerableItemGetsTextAndCitationMetricsButNoAbstention()
    {
        var metrics = await MetricsAsync(Item(["512 tokens"], ["chunking.md"]), Answered("512 tokens [1]", "docs/concepts/chunking.md"));

        Assert.Equal(1, metrics[AnswerMetrics.ExactMatch]);
        Assert.Equal(1, metrics[AnswerMetrics.TokenF1]);
        Assert.Equal(1, metrics[AnswerMetrics.CitationPrecision]);
        Assert.Equal(1, metrics[AnswerMetrics.CitationRecall]);
        Assert.Null(metrics[AnswerMetrics.AbstentionAccuracy]);
        Assert.Null(metrics[AnswerMetrics.SemanticSimilarity]); // no embedding model given
    }

    [Fact]
    public async Task AnAbstentionOnAnAnswerableItemScoresZeroWithNoCitationPrecision()
    {
        var metrics = await MetricsAsync(Item(["512 tokens"], ["chunking.md"]), Abstained());

        Assert.Equal(0, metrics[AnswerMetrics.TokenF1]);
        Assert.Equal(0, metrics[AnswerMetrics.RougeL]);
        Assert.Equal(0, metrics[AnswerMetrics.CitationRecall]);
        Assert.Null(metrics[AnswerMetrics.CitationPrecision]);
        Assert.Null(metrics[AnswerMetrics.AbstentionAccuracy]);
    }

    [Fact]
    public async Task AnUnanswerableItemIsScoredOnAbstentionAlone()
    {
        var abstained = await MetricsAsync(Item([], ["chunking.md"]), Abstained());
        var answered = await MetricsAsync(Item([]), Answered("Something made up [1].", "docs/a.md"));

        Assert.Equal(1, abstained[AnswerMetrics.AbstentionAccuracy]);
        Assert.Equal(0, answered[AnswerMetrics.AbstentionAccuracy]);
        foreach (var name in new[] { AnswerMetrics.ExactMatch, AnswerMetrics.TokenF1, AnswerMetrics.RougeL, AnswerMetrics.CitationPrecision, AnswerMetrics.CitationRecall })
        {
            Assert.Null(abstained[name]);
            Assert.Null(answered[name]);
        }
    }

    [Fact]
    public async Task CitationPrecisionCountsDistinctCitedSourcesAndRecallTheExpectedOnesCited()
    {
        var metrics = await MetricsAsync(
            Item(["x"], ["chunking.md", "retrieval.md"]),
            Answered("x [1] [2] [3]", "docs/concepts/chunking.md", "docs/concepts/chunking.md", "docs/cli.md"));

        Assert.Equal(0.5, metrics[AnswerMetrics.CitationPrecision]);   // chunking.md and cli.md cited; one expected
        Assert.Equal(0.5, metrics[AnswerMetrics.CitationRecall]);      // retrieval.md not cited
    }

    [Fact]
    public async Task CitationMetricsAreNullWhenTheItemNamesNoSources()
    {
        var metrics = await MetricsAsync(Item(["x"]), Answered("x [1]", "docs/cli.md"));

        Assert.Null(metrics[AnswerMetrics.CitationPrecision]);
        Assert.Null(metrics[AnswerMetrics.CitationRecall]);
    }

    [Theory]
    [InlineData(@"C:\corpus\docs\chunking.md", "docs/chunking.md", true)]
    [InlineData("/srv/corpus/docs/chunking.md", @"docs\chunking.md", true)]
    [InlineData("docs/concepts/chunking.md", "chunking.md", true)]
    [InlineData("docs/concepts/chunking.md", "retrieval.md", false)]
    [InlineData("docs/chunking.md", "docs/concepts/chunking.md", false)]
    [InlineData("docs/embeddings.md", "gs.md", false)]
    [InlineData("docs/embeddings.md", "ings.md", false)]
    [InlineData("docs/Embeddings.MD", "embeddings.md", true)]
    [InlineData("embeddings.md", "embeddings.md", true)]
    [InlineData("docs/embeddings.md", "./docs/embeddings.md", true)]
    public void ASourceMatchesACitationWhosePathEndsWithIt(string cited, string expected, bool matches) =>
        Assert.Equal(matches, SourceMatch.Matches(cited, expected));

    [Fact]
    public async Task SemanticSimilarityIsTheCosineWithTheClosestAcceptableAnswer()
    {
        var embedder = new FakeEmbedder(new() { ["red"] = [1, 0], ["crimson"] = [0.8f, 0.6f], ["blue"] = [0, 1] });
        var runner = new AnswerEvaluationRunner(new AnswerEvaluationOptions { Embedder = embedder });

        var (report, _) = await runner.ScoreAsync(Item(["blue", "crimson"]), Answered("red [1]", "a.md"));

        Assert.Equal(0.8, report.Metrics[AnswerMetrics.SemanticSimilarity]!.Value, 4);
    }
}
