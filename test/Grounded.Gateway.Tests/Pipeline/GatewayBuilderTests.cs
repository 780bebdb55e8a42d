using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Pipeline;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Pipeline;

/// <summary>The one request pipeline: the order written once, the router, and failover with each model's own id.</summary>
public sealed class GatewayBuilderTests : IDisposable
{
    private readonly ScriptableChatClient _small = new();
    private readonly ScriptableChatClient _large = new();

    public void Dispose()
    {
        _small.Dispose();
        _large.Dispose();
    }

    [Fact]
    public async Task StagesRunInTheWrittenOrderWhateverTheOrderTheyWereAdded()
    {
        var seen = new List<string>();
        var builder = Builder();
        foreach (var stage in new[] { GatewayStage.Cache, GatewayStage.Identity, GatewayStage.Route, GatewayStage.InputGuard, GatewayStage.RateLimit })
        {
            builder.Use(stage, inner => new Recording(inner, stage.ToString(), seen));
        }

        using var gateway = builder.Build();
        await gateway.Client.GetResponseAsync("hi", new ChatOptions { ModelId = "small" });

        Assert.Equal(["Identity", "RateLimit", "InputGuard", "Cache", "Route"], seen);
    }

    [Fact]
    public async Task TwoDecoratorsAtOneStageWrapInTheOrderAdded()
    {
        var seen = new List<string>();
        using var gateway = Builder()
            .Use(GatewayStage.InputGuard, inner => new Recording(inner, "first", seen))
            .Use(GatewayStage.InputGuard, inner => new Recording(inner, "second", seen))
            .Build();

        await gateway.Client.GetResponseAsync("hi", new ChatOptions { ModelId = "small" });

        Assert.Equal(["first", "second"], seen);
    }

    [Fact]
    public async Task TheRouterSendsARequestToTheModelItNames()
    {
        using var gateway = Builder().Build();

        await gateway.Client.GetResponseAsync("hi", new ChatOptions { ModelId = "large" });

        Assert.Empty(_small.Calls);
        Assert.Single(_large.Calls);
    }

    [Fact]
    public async Task AnUnknownModelIsA404AndAMissingOneA400()
    {
        using var gateway = Builder().Build();

        var unknown = await Assert.ThrowsAsync<InvalidRequestException>(() => gateway.Client.GetResponseAsync("hi", new ChatOptions { ModelId = "huge" }));
        var missing = await Assert.ThrowsAsync<InvalidRequestException>(() => gateway.Client.GetResponseAsync("hi"));

        Assert.Equal(404, unknown.Status);
        Assert.Equal("model_not_found", unknown.Code);
        Assert.Equal(400, missing.Status);
    }

    [Fact]
    public async Task EachModelOfAFailoverChainIsAskedForItsOwnProviderModel()
    {
        _small.Default = (_, _) => throw new HttpRequestException("connection refused");
        using var gateway = Builder().Build();
        var context = new GatewayContext("test");

        var response = await gateway.GetChatClient("small")!.GetResponseAsync("hi", context.AttachTo(null));

        Assert.Equal("small-provider-id", Assert.Single(_small.Calls).Options!.ModelId);
        Assert.Equal("large-provider-id", Assert.Single(_large.Calls).Options!.ModelId);
        Assert.Equal("large", context.ServedBy);
        Assert.Equal(2, context.Attempts);
    }

    private GatewayBuilder Builder() => new(new GatewayOptions
    {
        Models = [Model("small"), Model("large")],
        Fallbacks = new Dictionary<string, IReadOnlyList<string>> { ["small"] = ["large"] },
        Resilience = new ResilienceOptions { MaxAttempts = 1 },
    })
    {
        ProviderClients = m => m.Name == "small" ? _small : _large,
    };

    private static ModelOptions Model(string name) =>
        new() { Name = name, Provider = "openai", ProviderModel = $"{name}-provider-id", ContextWindow = 8000, MaxOutputTokens = 500 };

    private sealed class Recording(IChatClient inner, string name, List<string> seen) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            seen.Add(name);
            return base.GetResponseAsync(messages, options, cancellationToken);
        }
    }
}
