using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Tests.Support;
using Grounded.Testing.Upstream;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Tests.Route;

/// <summary>
/// Failover along fallbacks, and what a caller is told when providers refuse, rate-limit or fail, over real HTTP to two
/// scripted upstreams.
/// </summary>
public sealed class ModelGatewayTests : IAsyncLifetime
{
    private ScriptableUpstream _primary = null!;
    private ScriptableUpstream _fallback = null!;

    public async Task InitializeAsync()
    {
        _primary = await ScriptableUpstream.StartAsync("small");
        _fallback = await ScriptableUpstream.StartAsync("large");
    }

    public async Task DisposeAsync()
    {
        await _primary.DisposeAsync();
        await _fallback.DisposeAsync();
    }

    [Fact]
    public async Task FailsOverToTheFallbackAndSaysWhichModelServed()
    {
        _primary.Default = new Step.Fail(500);
        using var gateway = Gateway();

        var context = new GatewayContext("test");

        var response = await gateway.GetChatClient("small")!.GetResponseAsync("hi", context.AttachTo(null));

        Assert.Equal("[large] echo: hi", response.Text);
        Assert.Equal("large", context.ServedBy);
        Assert.Equal(2, context.Attempts);
    }

    [Fact]
    public async Task AStreamFailsOverBeforeItsFirstToken()
    {
        _primary.Default = new Step.Fail(502);
        using var gateway = Gateway();

        var context = new GatewayContext("test");

        var updates = await gateway.GetChatClient("small")!.GetStreamingResponseAsync("stream me", context.AttachTo(null)).ToListAsync();

        Assert.Equal("[large] echo: stream me", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal("large", context.ServedBy);
    }

    [Fact]
    public async Task AStreamCutAfterItsFirstTokenEndsInAnErrorNotASilentTruncation()
    {
        _primary.Default = new Step.CutStream(Tokens: 2);
        using var gateway = Gateway();
        var received = new List<string>();

        var thrown = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in gateway.GetChatClient("small")!.GetStreamingResponseAsync("one two three four"))
            {
                received.Add(update.Text);
            }
        });

        Assert.True(received.Count > 0 && received.Count < 6, string.Join("|", received));
        Assert.NotNull(thrown);
        Assert.Equal(0, _fallback.Requests);
    }

    [Fact]
    public async Task ReportsEveryModelsFailureWhenNoneCanServe()
    {
        _primary.Default = new Step.Fail(500);
        _fallback.Default = new Step.Fail(500);
        using var gateway = Gateway();

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.GetChatClient("small")!.GetResponseAsync("hi"));

        Assert.Equal(2, error.Failures.Count);
        Assert.Contains("small", error.Message);
        Assert.Contains("large", error.Message);
    }

    [Fact]
    public void AnUnknownModelHasNoClient()
    {
        using var gateway = Gateway();

        Assert.Null(gateway.GetChatClient("nope"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task AProviderRefusingTheRequestItselfIsPassedOnWithItsStatusAndMessageAndNotFailedOver(int status)
    {
        _primary.Default = new Step.Fail(status);
        using var gateway = Gateway();

        var error = await Assert.ThrowsAsync<ProviderRejectedException>(() => gateway.GetChatClient("small")!.GetResponseAsync("hi"));

        Assert.Equal(status, error.Status);
        Assert.Equal($"scripted {status}", error.Message);
        Assert.Equal("small", error.Model);
        Assert.Equal("openai", error.Provider);
        Assert.Equal(1, _primary.Requests);
        Assert.Equal(0, _fallback.Requests);
    }

    [Fact]
    public async Task RateLimitsEverywhereAreA429WithTheSoonestRetryAfter()
    {
        _primary.Default = new Step.Fail(429, RetryAfter: "20");
        _fallback.Default = new Step.Fail(429, RetryAfter: "7");
        using var gateway = Gateway();

        var error = await Assert.ThrowsAsync<RateLimitedException>(() => gateway.GetChatClient("small")!.GetResponseAsync("hi"));

        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Contains("scripted 429", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsEverywhereAreA502ThatKeepsEachProvidersMessage()
    {
        _primary.Default = new Step.Fail(500);
        _fallback.Default = new Step.Fail(503);
        using var gateway = Gateway();

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.GetChatClient("small")!.GetResponseAsync("hi"));

        Assert.Equal(502, error.Status);
        Assert.Contains("small (openai): HTTP 500: scripted 500", error.Message, StringComparison.Ordinal);
        Assert.Contains("large (openai): HTTP 503: scripted 503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamRefusedByTheProviderIsPassedOnBeforeAnyUpdate()
    {
        _primary.Default = new Step.Fail(400);
        using var gateway = Gateway();

        var error = await Assert.ThrowsAsync<ProviderRejectedException>(async () =>
        {
            await foreach (var update in gateway.GetChatClient("small")!.GetStreamingResponseAsync("hi"))
            {
                Assert.Fail($"no update expected, got '{update.Text}'");
            }
        });

        Assert.Equal(400, error.Status);
        Assert.Equal(0, _fallback.Requests);
    }

    private ModelGateway Gateway() => ModelGateway.Create(new GatewayOptions
    {
        Models = [Gateways.OpenAi("small", _primary), Gateways.OpenAi("large", _fallback)],
        Fallbacks = new Dictionary<string, IReadOnlyList<string>> { ["small"] = ["large"] },
        Resilience = Gateways.Resilience(attempts: 1),
    });
}
