using System.Net;
using System.Text;
using System.Text.Json;
using Grounded.Server.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Endpoints;

/// <summary>
/// A route name (<c>model: "auto"</c>) accepted wherever a model name is: the route picks the model per request, the
/// <c>x-grounded-route</c> header says what it chose and why, and the body names the model that served. Two scripted
/// upstreams stand for the two models, so which one answered is visible in the text.
/// </summary>
public sealed class RoutedRequestsTests : IAsyncLifetime
{
    private const string CodePrompt = "Why does this fail?\\n```js\\nconsole.log(x)\\n```";

    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-routes-").FullName;
    private ScriptableUpstream _small = null!;
    private ScriptableUpstream _large = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _small = await ScriptableUpstream.StartAsync("small");
        _large = await ScriptableUpstream.StartAsync("large");
        var config = Path.Combine(_dir, "grounded.yaml");
        await File.WriteAllTextAsync(config, $$"""
            models:
              - name: small
                provider: openai
                endpoint: {{_small.Endpoint}}
                model: small-model
                contextWindow: 8000
                maxOutputTokens: 6000
              - name: large
                provider: openai
                endpoint: {{_large.Endpoint}}
                model: large-model
                contextWindow: 128000
                maxOutputTokens: 8000
            resilience: { retry: { maxAttempts: 1 } }
            routes:
              auto:
                classes: { code: large, reasoning: large, long: large }
                default: small
            """);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Grounded:Config", config);
            b.UseSetting("Grounded:Store", Path.Combine(_dir, "store"));
        });
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _small.DisposeAsync();
        await _large.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AChatCompletionNamingAutoIsServedByTheModelTheRouteChoseAndSaysWhy()
    {
        var response = await _client.PostAsync("/v1/chat/completions", Json($$"""{"model":"auto","messages":[{"role":"user","content":"{{CodePrompt}}"}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await HttpBodies.JsonAsync(response);
        Assert.Equal("large", body.GetProperty("model").GetString());
        Assert.StartsWith("[large] echo: Why does this fail?", body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("auto; class=code; model=large; reason=code: fenced block", response.Headers.GetValues("x-grounded-route").Single());
        Assert.Equal("large", response.Headers.GetValues("x-grounded-model").Single());
        Assert.Equal("large-model", JsonDocument.Parse(Assert.Single(_large.Bodies)).RootElement.GetProperty("model").GetString());
        Assert.Equal(0, _small.Requests);
    }

    [Fact]
    public async Task ChitChatThroughAutoGoesToTheDefaultModelAndAStreamSaysSoToo()
    {
        var response = await _client.PostAsync("/v1/chat/completions", Json("""{"model":"auto","stream":true,"messages":[{"role":"user","content":"hello there"}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = (await response.Content.ReadAsStringAsync()).Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("small", JsonDocument.Parse(e["data: ".Length..]).RootElement.GetProperty("model").GetString()));
        Assert.StartsWith("auto; class=simple; model=small; reason=simple: ~", response.Headers.GetValues("x-grounded-route").Single(), StringComparison.Ordinal);
        Assert.Equal(0, _large.Requests);
    }

    [Fact]
    public async Task APromptTooBigForTheDefaultModelIsServedByARouteModelItFitsWhileNamingTheSmallModelIsRefused()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"w{i}")); // ~3,000 tokens (estimated 1,900: not long), 9,000 with max_tokens: over small's window
        var request = $$"""{"model":"MODEL","max_tokens":6000,"messages":[{"role":"user","content":"{{words}}"}]}""";

        var routed = await _client.PostAsync("/v1/chat/completions", Json(request.Replace("MODEL", "auto", StringComparison.Ordinal)));
        var named = await _client.PostAsync("/v1/chat/completions", Json(request.Replace("MODEL", "small", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        Assert.Equal("large", (await HttpBodies.JsonAsync(routed)).GetProperty("model").GetString());
        Assert.EndsWith(", too big for small: large", routed.Headers.GetValues("x-grounded-route").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.False(named.Headers.Contains("x-grounded-route"));
    }

    [Fact]
    public async Task TheResponsesApiTakesARouteAndNamesTheModelThatServed()
    {
        var response = await _client.PostAsync("/v1/responses", Json("""{"model":"auto","input":"Prove that the square root of two is irrational."}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("large", (await HttpBodies.JsonAsync(response)).GetProperty("model").GetString());
        Assert.StartsWith("auto; class=reasoning; model=large; reason=reasoning: cues prove", response.Headers.GetValues("x-grounded-route").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsListsTheRouteAfterTheModelsWithTheLargestLimitsItCanServe()
    {
        var list = await HttpBodies.JsonAsync(await _client.GetAsync("/v1/models"));
        var auto = await HttpBodies.JsonAsync(await _client.GetAsync("/v1/models/auto"));

        Assert.Equal(["small", "large", "auto"], list.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(("model", "grounded-route", 128000, 8000), (auto.GetProperty("object").GetString(), auto.GetProperty("owned_by").GetString(),
            auto.GetProperty("context_window").GetInt32(), auto.GetProperty("max_output_tokens").GetInt32()));
    }

    [Fact]
    public async Task AnUnknownModelIsA404ListingTheRoutesToo()
    {
        var response = await _client.PostAsync("/v1/chat/completions", Json("""{"model":"nope","messages":[{"role":"user","content":"x"}]}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Known models: small, large, auto", (await HttpBodies.JsonAsync(response)).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
