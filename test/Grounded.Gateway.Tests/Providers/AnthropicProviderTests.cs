using Grounded.Gateway.Tests.Support;
using Grounded.Testing.Upstream;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Providers;

/// <summary>The Anthropic provider through the official SDK over real HTTP to an Anthropic-shaped upstream.</summary>
public sealed class AnthropicProviderTests : IAsyncLifetime
{
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("claude");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task AnswersThroughTheMessagesApi()
    {
        using var client = Gateways.Provider(Gateways.Anthropic("claude", _upstream));

        var response = await client.GetResponseAsync("bonjour");

        Assert.Equal("[claude] echo: bonjour", response.Text);
        Assert.Contains("\"max_tokens\"", _upstream.Bodies[0]);
    }

    [Fact]
    public async Task AHangingCallEndsAtTheNetworkTimeout()
    {
        _upstream.Default = new Step.Hang();
        using var client = Gateways.Provider(Gateways.Anthropic("claude", _upstream), TimeSpan.FromSeconds(1));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync("bonjour"));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task StreamsThroughTheMessagesApi()
    {
        using var client = Gateways.Provider(Gateways.Anthropic("claude", _upstream));

        var updates = await client.GetStreamingResponseAsync("un deux trois").ToListAsync();

        Assert.Equal("[claude] echo: un deux trois", string.Concat(updates.Select(u => u.Text)));
    }
}
