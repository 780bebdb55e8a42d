using Grounded.Gateway.Cache;
using Grounded.Gateway.Context;
using Grounded.Gateway.Pipeline;
using Grounded.Testing;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Cache;

/// <summary>The semantic cache stage in front of a scripted model: a rephrased question is served from cache, a question that differs in meaning or scope is not.</summary>
public sealed class SemanticCacheTests : IDisposable
{
    private readonly ScriptableChatClient _model = new() { Default = (messages, _) => ScriptableChatClient.Reply("answer to " + messages[^1].Text) };

    public void Dispose() => _model.Dispose();

    [Fact]
    public async Task ARephrasedQuestionIsAnsweredFromTheSemanticCacheWithoutCallingTheModel()
    {
        var client = Client();
        await client.GetResponseAsync("How do I reset my password?", Options(out _));

        var response = await client.GetResponseAsync("How can I reset my password?", Options(out var context));

        Assert.Equal("answer to How do I reset my password?", response.Text);
        Assert.Single(_model.Calls);
        Assert.Equal(CacheOutcomes.Semantic, context.CacheOutcome);
        Assert.Equal(0, context.Cost);
    }

    [Theory]
    [InlineData("How do I change my password?")]
    [InlineData("Who won the 2014 World Cup?")]
    public async Task AQuestionThatDiffersInMeaningIsNotServedFromTheCache(string second)
    {
        var client = Client();
        await client.GetResponseAsync(second.Contains("World", StringComparison.Ordinal) ? "Who won the 2018 World Cup?" : "How do I reset my password?", Options(out _));

        var response = await client.GetResponseAsync(second, Options(out var context));

        Assert.Equal("answer to " + second, response.Text);
        Assert.Equal(2, _model.Calls.Count);
        Assert.Equal(CacheOutcomes.Miss, context.CacheOutcome);
    }

    [Fact]
    public async Task TheSameQuestionUnderAnotherSystemPromptOrTenantIsNotServedFromTheCache()
    {
        var client = Client();
        await client.GetResponseAsync([new(ChatRole.System, "Answer as a pirate."), new(ChatRole.User, "How do I reset my password?")], Options(out _));

        await client.GetResponseAsync([new(ChatRole.System, "Answer formally."), new(ChatRole.User, "How can I reset my password?")], Options(out _));
        await client.GetResponseAsync([new(ChatRole.System, "Answer as a pirate."), new(ChatRole.User, "How can I reset my password?")], Options(out _, tenant: "other"));

        Assert.Equal(3, _model.Calls.Count);
    }

    private IChatClient Client()
    {
        var options = new Grounded.Gateway.Config.GatewayOptions
        {
            Models = [new Grounded.Gateway.Config.ModelOptions { Name = "small", Provider = "openai", ProviderModel = "m", ContextWindow = 8000, MaxOutputTokens = 100, InputPerMTok = 1, OutputPerMTok = 1 }],
        };
        var cache = new CacheOptions { Exact = false, Semantic = true };
        return new GatewayBuilder(options) { ProviderClients = _ => _model }
            .UseSemanticCache(new SameVectorEmbedder(), new InMemorySemanticIndex(100, TimeProvider.System), cache)
            .Build().Client;
    }

    private static ChatOptions Options(out GatewayContext context, string tenant = "acme")
    {
        context = new GatewayContext("chat") { Tenant = tenant };
        return context.AttachTo(new ChatOptions { ModelId = "small", Temperature = 0 });
    }

    // Every text embeds alike: what sets questions apart here is the scope and the matcher's guard.
    private sealed class SameVectorEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(new float[] { 0.6f, 0.8f }))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
