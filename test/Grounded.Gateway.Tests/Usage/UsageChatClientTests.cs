using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Pipeline;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Usage;

/// <summary>Every answer carries usage, once: the provider's when it reported it, else counted; the request's context gets usage and cost.</summary>
public sealed class UsageChatClientTests : IDisposable
{
    private readonly ScriptableChatClient _provider = new();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task KeepsTheProvidersUsageAndPricesIt()
    {
        _provider.Default = (_, _) => ScriptableChatClient.Reply("fine", new UsageDetails { InputTokenCount = 2_000, OutputTokenCount = 500, TotalTokenCount = 2_500 });
        using var gateway = Gateway();
        var context = new GatewayContext("test");

        var response = await gateway.GetChatClient("small")!.GetResponseAsync("hello", context.AttachTo(null));

        Assert.Equal(2_000, response.Usage!.InputTokenCount);
        Assert.Equal(500, response.Usage.OutputTokenCount);
        Assert.Equal(2_500, context.Usage!.TotalTokenCount);
        Assert.Equal((2_000 * 1.5m + 500 * 6m) / 1_000_000m, context.Cost);
    }

    [Fact]
    public async Task CountsUsageAProviderDidNotReport()
    {
        _provider.Default = (_, _) => ScriptableChatClient.Reply("one two three");
        using var gateway = Gateway();
        var context = new GatewayContext("test");

        var response = await gateway.GetChatClient("small")!.GetResponseAsync("hello there", context.AttachTo(null));

        Assert.Equal(gateway.Tokens.Count([new ChatMessage(ChatRole.User, "hello there")]), response.Usage!.InputTokenCount);
        Assert.Equal(gateway.Tokens.Count("one two three"), response.Usage.OutputTokenCount);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);
        Assert.True(context.Cost > 0);
    }

    [Fact]
    public async Task AStreamWithoutUsageEndsWithAnUpdateCarryingTheCountedUsage()
    {
        _provider.Default = (_, _) => ScriptableChatClient.Reply("one two three");
        using var gateway = Gateway();
        var context = new GatewayContext("test");

        var updates = await gateway.GetChatClient("small")!.GetStreamingResponseAsync("hello there", context.AttachTo(null)).ToListAsync();

        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(gateway.Tokens.Count("one two three"), usage.OutputTokenCount);
        Assert.Equal(usage.TotalTokenCount, context.Usage!.TotalTokenCount);
    }

    [Fact]
    public async Task AStreamWithTheProvidersUsageIsNotCountedAgain()
    {
        _provider.Default = (_, _) => ScriptableChatClient.Reply("one two three", new UsageDetails { InputTokenCount = 7, OutputTokenCount = 3, TotalTokenCount = 10 });
        using var gateway = Gateway();

        var updates = await gateway.GetChatClient("small")!.GetStreamingResponseAsync("hello").ToListAsync();

        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal(10, usage.TotalTokenCount);
    }

    private ModelGateway Gateway() => new GatewayBuilder(new GatewayOptions
    {
        Models = [new ModelOptions { Name = "small", Provider = "openai", ProviderModel = "m", ContextWindow = 8000, MaxOutputTokens = 500, InputPerMTok = 1.5, OutputPerMTok = 6 }],
        Resilience = new ResilienceOptions { MaxAttempts = 1 },
    })
    {
        ProviderClients = _ => _provider,
    }.Build();
}
