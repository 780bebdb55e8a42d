using Grounded.Answers;
using Grounded.Rag.Answer;
using Grounded.Rag.Rerank;
using Grounded.Rag.Tests.Support;
using Grounded.Rag.Verify;
using Microsoft.Extensions.AI;
using static Grounded.Rag.Tests.Verify.VerifyFixtures;

namespace Grounded.Rag.Tests.Verify;

[Collection(nameof(ArcticXsFixture))]
public sealed class VerifyingAnswerGeneratorTests(ArcticXsFixture model)
{
    [Theory]
    [InlineData("What causes ocean tides?")]
    [InlineData("Why does bread dough rise?")]
    [InlineData("How many watts does a home solar panel produce?")]
    [InlineData("How long should the loaf bake?")]
    public async Task TheExtractiveAnswerersQuotesComeOutSupported(string question)
    {
        var evidence = Evidence(Tides, Bread, Solar);
        var stage = new VerifyingAnswerGenerator(new ExtractiveAnswerer(new SentenceScorer(model.Embedder)), new GroundingVerifier(model.Embedder));

        var answer = await stage.GenerateAsync(question, evidence, CancellationToken.None);

        Assert.False(answer.Abstained);
        Assert.NotEmpty(answer.Grounding!.Claims!);
        Assert.All(answer.Grounding.Claims!, c => Assert.True(c.Supported, $"'{c.Text}' support {c.Support}"));
        Assert.Equal(0, answer.Grounding.Unsupported);
    }

    [Fact]
    public async Task AStreamPassesThePiecesThroughAndEndsWithTheCheckedAnswer()
    {
        var evidence = Evidence(Solar);
        var inner = new FixedAnswerGenerator(e => Cited("A typical home solar panel produces 900 watts [1].", e, 1));
        var stage = new VerifyingAnswerGenerator(inner, new GroundingVerifier(model.Embedder, new GroundingOptions { Policy = GroundingPolicy.Abstain }));

        var updates = await stage.GenerateStreamingAsync("How many watts?", evidence, CancellationToken.None).ToListAsync();

        Assert.Equal("A typical home solar panel produces 900 watts [1].", string.Concat(updates.Select(u => u.Delta)).Trim());
        var last = updates[^1].Answer!;
        Assert.True(last.Abstained);
        Assert.Equal(1, last.Grounding!.Withheld);
    }

    [Fact]
    public async Task AJudgeModelDecidesTheClaimsItGivesAVerdictFor()
    {
        var evidence = Evidence(Tides);
        var judge = new Grounded.Testing.ScriptableChatClient().Then("1: SUPPORTED\n2: UNSUPPORTED");
        var inner = new FixedAnswerGenerator(e => Cited("Ocean tides are caused mainly by the gravitational pull of the Moon [1]. The Sun's gravity also contributes [1].", e, 1));
        var stage = new VerifyingAnswerGenerator(inner, new GroundingVerifier(model.Embedder), new GroundingJudge(judge, "judge-model"));

        var answer = await stage.GenerateAsync("What causes tides?", evidence, CancellationToken.None);

        Assert.Equal("judge:judge-model", answer.Grounding!.Method);
        Assert.Equal([true, false], answer.Grounding.Claims!.Select(c => c.Supported));
        var (messages, options) = Assert.Single(judge.Calls);
        Assert.Equal(0f, options!.Temperature);
        Assert.Equal("judge-model", options.ModelId);
        Assert.Contains("[Source 1]\n" + Tides, messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("2. (sources 1) The Sun's gravity also contributes.", messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJudgeThatFailsLeavesTheLocalVerdicts()
    {
        var evidence = Evidence(Tides);
        var judge = new Grounded.Testing.ScriptableChatClient().Then((_, _) => throw new HttpRequestException("judge down"));
        var inner = new FixedAnswerGenerator(e => Cited("Ocean tides are caused mainly by the gravitational pull of the Moon [1].", e, 1));
        var stage = new VerifyingAnswerGenerator(inner, new GroundingVerifier(model.Embedder), new GroundingJudge(judge, "judge-model"));

        var answer = await stage.GenerateAsync("What causes tides?", evidence, CancellationToken.None);

        Assert.Equal("local", answer.Grounding!.Method);
        Assert.True(Assert.Single(answer.Grounding.Claims!).Supported);
    }

    [Fact]
    public async Task AClaimMostSamplesDoNotStateIsFlagged()
    {
        var evidence = Evidence(Tides);
        const string text = "Ocean tides are caused mainly by the gravitational pull of the Moon [1]. The Sun's gravity also contributes [1].";
        var inner = new FixedAnswerGenerator(e => Cited(text, e, 1));
        var samples = new Queue<string>(["Tides are caused mainly by the Moon's gravitational pull on the oceans [1].", "The Moon's gravity mainly causes the ocean tides [1].", text]);
        var sampler = new FixedAnswerGenerator(e => Cited(samples.Dequeue(), e, 1));
        var stage = new VerifyingAnswerGenerator(inner, new GroundingVerifier(model.Embedder, new GroundingOptions { Samples = 3 }), sampler: sampler);

        var answer = await stage.GenerateAsync("What causes tides?", evidence, CancellationToken.None);

        var claims = answer.Grounding!.Claims!;
        Assert.True(claims[0].Supported, claims[0].Reason);
        Assert.False(claims[1].Supported);
        Assert.Equal("stated in 1 of 3 samples", claims[1].Reason);
    }

    [Fact]
    public void TheJudgesVerdictLinesAreReadAndAnUnclearClaimIsLeftToTheLocalCheck() =>
        Assert.Equal([true, false, null, false], GroundingJudge.Parse("1: SUPPORTED\n2. NOT SUPPORTED\n- 4: **UNSUPPORTED**\nsomething else", 4));
}
