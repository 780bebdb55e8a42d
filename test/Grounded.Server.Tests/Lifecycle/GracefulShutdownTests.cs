using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Grounded.Testing.Upstream;

namespace Grounded.Server.Tests.Lifecycle;

/// <summary>
/// Stopping <c>grounded serve</c> (as Ctrl+C and SIGTERM do) fails no request: readiness goes first, requests are still
/// served for the delay, streams in flight finish within the drain, and one that outlives it ends with an error event.
/// </summary>
public sealed class GracefulShutdownTests : IAsyncLifetime, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-shutdown-").FullName;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(60) };
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ReadinessFailsAsSoonAsAStopIsAskedWhileRequestsKeepBeingServedForTheDelay()
    {
        await using var server = await RunningServer.StartAsync(_dir, _upstream.Endpoint, "server: { shutdownDelay: 2s, drainTimeout: 10s }");
        _upstream.Then(new Step.Ok("an answer that takes a while", TimeSpan.FromSeconds(1)));
        var before = _client.SendAsync(server.Chat(stream: false));
        await _upstream.WaitForRequestsAsync(1);

        var stopped = Stopwatch.StartNew();
        server.Stop();
        var ready = await _client.GetAsync(new Uri(server.Url, "/readyz"));
        var readyAfter = stopped.Elapsed;
        var health = await _client.GetAsync(new Uri(server.Url, "/healthz"));
        var during = await _client.SendAsync(server.Chat(stream: false));
        var first = await before;
        var runningAfterBoth = !server.Run.IsCompleted;
        await server.Run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("stopping", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.True(readyAfter < TimeSpan.FromSeconds(1), $"/readyz answered {readyAfter} after the stop");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("an answer that takes a while", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(runningAfterBoth, "the server stopped before its shutdown delay was over");
        Assert.True(stopped.Elapsed >= TimeSpan.FromSeconds(1.9), $"the server stopped {stopped.Elapsed} after the stop, within its 2 s delay");
    }

    [Fact]
    public async Task AStreamInFlightFinishesWithinTheDrain()
    {
        await using var server = await RunningServer.StartAsync(_dir, _upstream.Endpoint, "server: { shutdownDelay: 0s, drainTimeout: 20s }");
        _upstream.Then(new Step.SlowStream("one two three four five six", TimeSpan.FromMilliseconds(250)));
        using var response = await _client.SendAsync(server.Chat(stream: true), HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        var firstEvent = await events.ReadLineAsync();

        server.Stop();
        var rest = await events.ReadToEndAsync();
        await server.Run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("data: {", firstEvent, StringComparison.Ordinal);
        Assert.EndsWith("data: [DONE]\n\n", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("server_shutting_down", rest, StringComparison.Ordinal);
        Assert.Contains("six", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamLongerThanTheDrainEndsWithAShutdownErrorEventAndNoDone()
    {
        await using var server = await RunningServer.StartAsync(_dir, _upstream.Endpoint, "server: { shutdownDelay: 0s, drainTimeout: 1s }");
        _upstream.Then(new Step.SlowStream(string.Join(' ', Enumerable.Repeat("word", 60)), TimeSpan.FromMilliseconds(500)));
        using var response = await _client.SendAsync(server.Chat(stream: true), HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        await events.ReadLineAsync();

        var stopped = Stopwatch.StartNew();
        server.Stop();
        var rest = await events.ReadToEndAsync();
        await server.Run.WaitAsync(TimeSpan.FromSeconds(30));

        var last = rest.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith("data: ", last, StringComparison.Ordinal);
        var error = JsonDocument.Parse(last["data: ".Length..]).RootElement.GetProperty("error");
        Assert.Equal("server_shutting_down", error.GetProperty("code").GetString());
        Assert.DoesNotContain("[DONE]", rest, StringComparison.Ordinal);
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(10), $"the stream ran {stopped.Elapsed} past a 1 s drain");
    }

    [Fact]
    public async Task ARequestWithoutAnAnswerAtTheDrainDeadlineIsA503ToSendAgain()
    {
        await using var server = await RunningServer.StartAsync(_dir, _upstream.Endpoint, "server: { shutdownDelay: 0s, drainTimeout: 1s }");
        _upstream.Then(new Step.Hang());
        var pending = _client.SendAsync(server.Chat(stream: false));
        await _upstream.WaitForRequestsAsync(1);

        server.Stop();
        using var response = await pending;
        await server.Run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("server_shutting_down", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
    }
}
