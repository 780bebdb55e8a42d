using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;

namespace Grounded.Evaluation.Tests.Metrics;

public sealed class AnswerMatchTests
{
    [Theory]
    [InlineData("The incubation period is 5.2 days (95% CI).", "5.2 days")]
    [InlineData("Patients were treated with Remdesivir, daily.", "remdesivir")]
    [InlineData("spread via   respiratory\ndroplets", "respiratory droplets")]
    public void AnswerTextIsFoundDespiteCasePunctuationAndSpacing(string text, string answer) =>
        Assert.True(AnswerMatch.Contains(text, answer));

    [Theory]
    [InlineData("The incubation period is 15 days.", "5 days")]
    [InlineData("Nothing about it here.", "remdesivir")]
    public void PartialWordsAndAbsentAnswersDoNotMatch(string text, string answer) =>
        Assert.False(AnswerMatch.Contains(text, answer));

    [Fact]
    public void ChunkingMetricsRankTheFirstChunkHoldingTheAnswer()
    {
        Assert.Equal(2, ChunkingEvaluator.FirstHit(["no", "the answer is 42 units", "42 units again"], "42 units", 5));
        Assert.Equal(0, ChunkingEvaluator.FirstHit(["no", "the answer is 42 units"], "42 units", 1));
    }

    [Fact]
    public async Task HitAndMrrAreAveragedOverQuestions()
    {
        var questions = new[] { new QaQuestion("q1", "alpha"), new QaQuestion("q2", "beta") };

        var metrics = await ChunkingEvaluator.EvaluateAsync(questions, 3, (q, _) =>
            Task.FromResult<IReadOnlyList<string>>(q == "q1" ? ["alpha here"] : ["x", "y", "beta there"]));

        Assert.Equal(0.5, metrics["hit@1"]);
        Assert.Equal(1.0, metrics["hit@3"]);
        Assert.Equal(Math.Round((1 + 1.0 / 3) / 2, 4), metrics["mrr@3"]);
    }

    [Fact]
    public void TheSqueezedCheckIgnoresEverythingButLettersAndDigits()
    {
        Assert.True(AnswerMatch.ContainsSqueezed("The R0 was 2.2 (95% CI)", "r 0 was 2-2"));
        Assert.False(AnswerMatch.ContainsSqueezed("The R0 was 2.2", "3.1"));
    }
}
