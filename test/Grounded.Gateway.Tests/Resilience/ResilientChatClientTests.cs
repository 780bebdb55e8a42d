using Grounded.Gateway.Config;
using Grounded.Gateway.Context;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Resilience;
using Grounded.Gateway.Tests.Support;
using Grounded.Testing.Upstream;
using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;

namespace Grounded.Gateway.Tests.Resilience;

/// <summary>The OpenAI provider through its real SDK over real HTTP, with the gateway's resilience on a fake clock.</summary>
public sealed class ResilientChatClientTests : IAsyncLifetime
{
    private readonly ObservedTime _time = new();
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("primary");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    // Anthropic's SDK errors carry no headers, so its Retry-After is read off the response on the way in.
    [Theory]
    [InlineData("openai", "2")]
    [InlineData("anthropic", "4")]
    public async Task WaitsExactlyTheRetryAfterTheProviderAsksForThenSucceeds(string provider, string seconds)
    {
        _upstream.Then(new Step.Fail(429, RetryAfter: seconds));
        var wait = TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        var model = provider == "openai" ? Gateways.OpenAi("primary", _upstream) : Gateways.Anthropic("primary", _upstream);
        using var client = new ResilientChatClient(Gateways.Provider(model), model, Gateways.Resilience(), _time, () => 0);
        var context = new GatewayContext("test");

        var call = client.GetResponseAsync("hello", context.AttachTo(null));
        await _time.WaitForTimerAsync(wait);
        Assert.Equal(1, _upstream.Requests);
        _time.Fake.Advance(wait);
        var response = await call;

        Assert.Equal("[primary] echo: hello", response.Text);
        Assert.Equal(2, context.Attempts);
    }

    [Fact]
    public async Task BacksOffExponentiallyOnServerErrorsAndGivesUpAfterMaxAttempts()
    {
        _upstream.Default = new Step.Fail(503);
        using var client = Client(Gateways.Resilience(attempts: 3));

        var call = client.GetResponseAsync("hello");
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _time.Fake.Advance(TimeSpan.FromSeconds(1));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        _time.Fake.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<ProviderUnavailableException>(() => call);

        Assert.Equal(3, _upstream.Requests);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public async Task OpensTheCircuitAfterConsecutiveFailuresThenLetsOneProbeThrough()
    {
        _upstream.Default = new Step.Fail(500);
        using var client = Client(Gateways.Resilience(attempts: 1, threshold: 2));
        await Assert.ThrowsAsync<ProviderUnavailableException>(() => client.GetResponseAsync("1"));
        await Assert.ThrowsAsync<ProviderUnavailableException>(() => client.GetResponseAsync("2"));

        var rejected = await Assert.ThrowsAsync<ProviderUnavailableException>(() => client.GetResponseAsync("3"));
        Assert.IsType<BrokenCircuitException>(rejected.InnerException);
        Assert.Equal(2, _upstream.Requests);

        _upstream.Default = new Step.Ok();
        _time.Fake.Advance(TimeSpan.FromSeconds(30));
        var probe = await client.GetResponseAsync("4");
        Assert.Equal("[primary] echo: 4", probe.Text);
        Assert.Equal(3, _upstream.Requests);
    }

    [Fact]
    public async Task TimesOutAHangingAttempt()
    {
        _upstream.Default = new Step.Hang();
        using var client = Client(Gateways.Resilience(attempts: 1));

        var call = client.GetResponseAsync("hello");
        await _upstream.WaitForRequestsAsync(1); // the attempt's timeout is armed before the request leaves
        _time.Fake.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<ProviderUnavailableException>(() => call);

        Assert.Contains("timed out", error.Message);
    }

    [Fact]
    public async Task DoesNotRetryAMalformedResponseButReportsTheProviderUnavailable()
    {
        _upstream.Then(new Step.Malformed());
        using var client = Client(Gateways.Resilience());

        await Assert.ThrowsAsync<ProviderUnavailableException>(() => client.GetResponseAsync("hello"));

        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task TheCallersCancellationReachesTheProviderCall()
    {
        _upstream.Default = new Step.Hang();
        using var client = Client(Gateways.Resilience());
        using var cancel = new CancellationTokenSource();

        var call = client.GetResponseAsync("hello", cancellationToken: cancel.Token);
        await _upstream.WaitForRequestsAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, _upstream.Requests);
    }

    private ResilientChatClient Client(ResilienceOptions options)
    {
        var model = Gateways.OpenAi("primary", _upstream);
        return new(Gateways.Provider(model), model, options, _time, () => 0);
    }
}
