using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Pipeline;
using Grounded.Gateway.Route;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Route;

/// <summary>The route stage: a route name becomes the model its rules choose, the decision is recorded, model names pass through.</summary>
public sealed class RouteChatClientTests : IDisposable
{
    private readonly ScriptableChatClient _small = new();
    private readonly ScriptableChatClient _large = new();

    public void Dispose()
    {
        _small.Dispose();
        _large.Dispose();
    }

    [Fact]
    public async Task ARouteSendsCodeToItsCodeModelAndRecordsWhy()
    {
        using var gateway = Gateway();
        var context = new GatewayContext("test");

        var response = await gateway.Client.GetResponseAsync("Fix this:\n```js\nconsole.log(x)\n```", context.AttachTo(new ChatOptions { ModelId = "auto" }));

        Assert.Empty(_small.Calls);
        Assert.Equal("large-id", Assert.Single(_large.Calls).Options!.ModelId);
        Assert.StartsWith("echo: Fix this", response.Text, StringComparison.Ordinal);
        Assert.Equal(("auto", "code", "large", "code: fenced block"), (context.RouteName, context.RouteClass, context.RouteModel, context.RouteReason));
        Assert.Equal("large", context.ServedBy);
    }

    [Fact]
    public async Task ARouteSendsChitChatToItsDefaultModel()
    {
        using var gateway = Gateway();
        var context = new GatewayContext("test");

        await gateway.GetChatClient("auto")!.GetResponseAsync("hello there", context.AttachTo(null));

        Assert.Single(_small.Calls);
        Assert.Empty(_large.Calls);
        Assert.Equal(("simple", "small"), (context.RouteClass, context.ServedBy));
    }

    [Fact]
    public async Task AStreamIsRoutedLikeAWholeAnswer()
    {
        using var gateway = Gateway();
        var context = new GatewayContext("test");

        var updates = await gateway.Client.GetStreamingResponseAsync("Prove that the square root of two is irrational.", context.AttachTo(new ChatOptions { ModelId = "auto" })).ToListAsync();

        Assert.StartsWith("echo: Prove", string.Concat(updates.Select(u => u.Text)), StringComparison.Ordinal);
        Assert.Single(_large.Calls);
        Assert.Equal(("reasoning", "large"), (context.RouteClass, context.ServedBy));
    }

    [Fact]
    public async Task ARequestNamingAModelIsNotRouted()
    {
        using var gateway = Gateway();
        var context = new GatewayContext("test");

        await gateway.Client.GetResponseAsync("```code```", context.AttachTo(new ChatOptions { ModelId = "small" }));

        Assert.Single(_small.Calls);
        Assert.Null(context.RouteName);
    }

    [Fact]
    public async Task APromptTooBigForTheChosenModelsWindowGoesToARouteModelThatTakesIt()
    {
        using var gateway = Gateway();
        var context = new GatewayContext("test");
        var prompt = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"w{i}")); // ~3,000 tokens: under longAboveTokens, over small's window

        await gateway.Client.GetResponseAsync(prompt, context.AttachTo(new ChatOptions { ModelId = "auto" }));

        Assert.Single(_large.Calls);
        Assert.Equal("simple", context.RouteClass);
        Assert.EndsWith(", too big for small: large", context.RouteReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerLongerThanTheChosenModelAllowsGoesToARouteModelThatAllowsIt()
    {
        using var gateway = Gateway();
        var context = new GatewayContext("test");

        await gateway.Client.GetResponseAsync("hi", context.AttachTo(new ChatOptions { ModelId = "auto", MaxOutputTokens = 1500 }));

        Assert.Single(_large.Calls);
        Assert.Equal("large", context.RouteModel);
    }

    [Fact]
    public void ARouteNamingAnUnconfiguredModelIsRefusedWhenTheGatewayIsBuilt()
    {
        var options = Options() with { Routes = [new ModelRouteOptions { Name = "auto", Default = "ghost" }] };

        var error = Assert.Throws<ArgumentException>(() => new GatewayBuilder(options));

        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }

    private ModelGateway Gateway() => new GatewayBuilder(Options())
    {
        ProviderClients = m => m.Name == "small" ? _small : _large,
    }.UseRoutes().Build();

    private static GatewayOptions Options() => new()
    {
        Models =
        [
            new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "small-id", ContextWindow = 2000, MaxOutputTokens = 1000, InputPerMTok = 0.15, OutputPerMTok = 0.6 },
            new ModelOptions { Name = "large", Provider = "openai", ProviderModel = "large-id", ContextWindow = 128_000, MaxOutputTokens = 16_000, InputPerMTok = 2.5, OutputPerMTok = 10 },
        ],
        Routes =
        [
            new ModelRouteOptions
            {
                Name = "auto", Default = "small",
                Classes = new Dictionary<RequestClass, string> { [RequestClass.Code] = "large", [RequestClass.Reasoning] = "large", [RequestClass.Long] = "large" },
            },
        ],
        Resilience = new ResilienceOptions { MaxAttempts = 1 },
    };
}
