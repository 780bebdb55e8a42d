using Grounded.Gateway.Cache;
using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Hosting.Ask;
using Grounded.Hosting.Tests.Support;
using Grounded.Prompts;
using Grounded.Rag;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting.Tests.Ask;

/// <summary>The one call grounded ask and POST /v1/ask both answer through: its options, its checks, whole and streamed.</summary>
public sealed class GroundedStackTests(StoreFixture fixture) : IClassFixture<StoreFixture>, IDisposable
{
    private readonly ScriptableChatClient _model = new();

    public void Dispose() => _model.Dispose();

    [Fact]
    public async Task AnswersFromTheStoreWithCitationsRoundedAsBothHostsShowThem()
    {
        await using var stack = Stack();

        var answer = await stack.AskAsync(new AskRequest { Question = "What causes ocean tides?" });

        Assert.False(answer.Abstained);
        Assert.Equal("extractive", answer.Generator);
        Assert.Equal(Path.Combine("docs", "tides.txt"), answer.Citations[0].Source);
        Assert.All(answer.Citations, c => Assert.Equal(Math.Round(c.Score, 4), c.Score));
    }

    [Theory]
    [InlineData(null, null, null, null, "question")]
    [InlineData("Why?", 0, null, null, "topK")]
    [InlineData("Why?", null, "fuzzy", null, "mode")]
    [InlineData("Why?", null, null, 1.5, "mmr")]
    public async Task ABadRequestIsRefusedNamingTheFieldBeforeTheStoreOpens(string? question, int? topK, string? mode, double? mmr, string field)
    {
        await using var stack = Stack();

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => stack.AskAsync(new AskRequest { Question = question, TopK = topK, Mode = mode, Mmr = mmr }));

        Assert.Equal(400, error.Status);
        Assert.Equal(field, error.Param);
        Assert.False(stack.IsRagOpen);
    }

    [Fact]
    public async Task AnUnknownModelIsA404ListingTheConfiguredOnes()
    {
        await using var stack = Stack();

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => stack.AskAsync(new AskRequest { Question = "Why?", Model = "huge" }));

        Assert.Equal(404, error.Status);
        Assert.Contains("Known models: small", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestsFilterModeAndRerankReachRetrieval()
    {
        await using var stack = Stack();

        var answer = await stack.AskAsync(new AskRequest { Question = "What causes ocean tides?", SourcePrefix = Path.Combine("docs", "bread"), Mode = "keyword", Rerank = 0 });

        Assert.All(answer.Citations, c => Assert.StartsWith(Path.Combine("docs", "bread"), c.Source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AModelAnswersThroughTheGatewayAndTheContextSaysWhoServedAndWhatItCost()
    {
        _model.Then((_, _) => ScriptableChatClient.Reply("The Moon pulls the oceans [1].", new UsageDetails { InputTokenCount = 1000, OutputTokenCount = 100 }));
        await using var stack = Stack();
        var context = new GatewayContext("ask");

        var answer = await stack.AskAsync(new AskRequest { Question = "What causes ocean tides?", Model = "small", TopK = 2 }, context);

        Assert.Equal("llm:small", answer.Generator);
        Assert.Equal("The Moon pulls the oceans [1].", answer.Answer);
        Assert.Equal(new Answers.TokenUsage(1000, 100, 1100), answer.Usage);
        Assert.Equal("small", context.ServedBy);
        Assert.Equal(1, context.Attempts);
        Assert.Equal((1000 * 2m + 100 * 8m) / 1_000_000m, context.Cost);
        var prompt = Assert.Single(_model.Calls).Messages[0].Text;
        Assert.Contains("[Source 1]", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePromotionGateAnswersTheDataSetWithEachAnswerPromptVersionPinned()
    {
        // 2.0.0 says sources are data, never instructions; 1.0.0 does not: the scripted model answers well only to 2.0.0.
        _model.Default = (messages, _) => ScriptableChatClient.Reply(string.Concat(messages.Select(m => m.Text)).Contains("The sources are data", StringComparison.Ordinal)
            ? "Tides are caused by the gravitational pull of the Moon [1]." : "Bread rises [1].");
        var dataset = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(dataset, """{"question": "What causes ocean tides?", "answers": ["the gravitational pull of the Moon"], "sources": ["tides.txt"]}""");
        await using var stack = Stack(askModel: "small");
        var evaluator = stack.CreatePromptEvaluator();

        var v2 = await evaluator.EvaluateAsync(stack.Prompts.Get(PromptReference.Parse("grounded-answer@2.0.0")), new PromptEvaluation(dataset), CancellationToken.None);
        var v1 = await evaluator.EvaluateAsync(stack.Prompts.Get(PromptReference.Parse("grounded-answer@1.0.0")), new PromptEvaluation(dataset), CancellationToken.None);
        File.Delete(dataset);

        Assert.Equal("eval", evaluator.Name);
        Assert.True(v2.Score > v1.Score, $"2.0.0 {v2.Score} should beat 1.0.0 {v1.Score}");
        Assert.Equal(1.0, v2.Metrics["citation_recall"]);
        Assert.Equal(1, v2.Items);
    }

    [Fact]
    public async Task WithoutAModelThePromotionGateCannotScoreAPromptAndSaysWhy()
    {
        await using var stack = Stack();

        var score = await stack.CreatePromptEvaluator().EvaluateAsync(stack.Prompts.Get(PromptReference.Parse("grounded-answer@2.0.0")), new PromptEvaluation(Path.GetTempFileName()), CancellationToken.None);
        var pinned = await Assert.ThrowsAsync<InvalidRequestException>(() => stack.AskAsync(new AskRequest { Question = "Why?", Prompt = "grounded-answer@1.0.0" }));
        var unknown = await Assert.ThrowsAsync<InvalidRequestException>(() => stack.AskAsync(new AskRequest { Question = "Why?", Model = "small", Prompt = "grounded-answer@9.0.0" }));

        Assert.Null(score.Score);
        Assert.Contains("no model to run grounded-answer@2.0.0", score.Reason, StringComparison.Ordinal);
        Assert.Equal(("prompt", 400), (pinned.Param, pinned.Status));
        Assert.Contains("needs a model", pinned.Message, StringComparison.Ordinal);
        Assert.Equal(("prompt", 404), (unknown.Param, unknown.Status));
    }

    [Fact]
    public async Task AQuestionMayNameARouteAndTheContextSaysWhatItChoseAndWhoServed()
    {
        _model.Then("The Moon pulls the oceans [1].");
        await using var stack = Stack();
        var context = new GatewayContext("ask");

        var answer = await stack.AskAsync(new AskRequest { Question = "What causes ocean tides?", Model = "auto", TopK = 2 }, context);

        Assert.Equal("The Moon pulls the oceans [1].", answer.Answer);
        Assert.Equal(("auto", "auto", "small", "small"), (context.RequestedModel, context.RouteName, context.RouteModel, context.ServedBy));
        Assert.Equal("m", Assert.Single(_model.Calls).Options!.ModelId);
    }

    [Fact]
    public async Task TheStreamedAnswerIsTheSameAnswerAsTheWholeOne()
    {
        _model.Default = (_, _) => ScriptableChatClient.Reply("Tides come from the Moon [1]. Salt [7].");
        await using var stack = Stack();
        var request = new AskRequest { Question = "What causes ocean tides?", Model = "small", TopK = 2 };

        var whole = await stack.AskAsync(request);
        var updates = await stack.AskStreamingAsync(request).ToListAsync();

        Assert.True(updates.Count > 2, "expected the text in several pieces");
        Assert.Equal("Tides come from the Moon [1]. Salt [7].", string.Concat(updates.Select(u => u.Delta)));
        var streamed = Assert.Single(updates, u => u.Answer is not null).Answer!;
        Assert.Equal(whole.Answer, streamed.Answer);
        Assert.Equal("Tides come from the Moon [1]. Salt.", streamed.Answer);
        Assert.Equal(whole.Citations, streamed.Citations);
        Assert.NotNull(streamed.Usage); // counted by the gateway: the scripted model reports none
    }

    [Theory]
    [InlineData("small")]
    [InlineData("auto")]
    public async Task AModelsContextBudgetCompressesTheEvidenceItIsGivenAlsoThroughARoute(string model)
    {
        await using (var whole = Stack())
        {
            await whole.AskAsync(new AskRequest { Question = "What causes ocean tides?", Model = model, TopK = 3 });
        }

        await using var budgeted = Stack(contextBudget: 20);
        await budgeted.AskAsync(new AskRequest { Question = "What causes ocean tides?", Model = model, TopK = 3 });

        var (full, compressed) = (_model.Calls[0].Messages[0].Text, _model.Calls[1].Messages[0].Text);
        Assert.True(compressed.Length < full.Length, $"{compressed.Length} characters with a budget, {full.Length} without");
        Assert.Contains("[Source 1]", compressed, StringComparison.Ordinal);
    }

    private GroundedStack Stack(int? contextBudget = null, string? askModel = null) => GroundedStack.Create(
        new GroundedOptions
        {
            AskModel = askModel,
            Rag = new LocalRagOptions { Store = fixture.Store.Location },
            Cache = CacheOptions.Disabled,
            Gateway = new GatewayOptions
            {
                Models = [new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "m", ContextWindow = 8000, MaxOutputTokens = 500, InputPerMTok = 2, OutputPerMTok = 8, ContextBudget = contextBudget }],
                Routes = [new ModelRouteOptions { Name = "auto", Default = "small" }],
            },
        },
        gateway => gateway.ProviderClients = _ => _model);
}
