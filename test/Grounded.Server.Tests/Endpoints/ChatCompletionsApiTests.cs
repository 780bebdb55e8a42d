using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Endpoints;

/// <summary>The real host (WebApplicationFactory) in front of a scripted upstream reached over real HTTP.</summary>
public sealed class ChatCompletionsApiTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-server-").FullName;
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync()
    {
        await _upstream.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AnswersInOpenAisFormatAndSaysWhichModelServed()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","messages":[{"role":"user","content":"hello gateway"}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("[small] echo: hello gateway", body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(15, body.RootElement.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal("small", response.Headers.GetValues("x-grounded-model").Single());
        Assert.Equal("1", response.Headers.GetValues("x-grounded-attempts").Single());
    }

    [Theory]
    [InlineData("""{"model":"small","temperature":5,"messages":[{"role":"user","content":"x"}]}""", 400, "temperature")]
    [InlineData("""{"model":"small","top_p":0,"messages":[{"role":"user","content":"x"}]}""", 400, "top_p")]
    [InlineData("""{"model":"small","max_tokens":0,"messages":[{"role":"user","content":"x"}]}""", 400, "max_tokens")]
    [InlineData("""{"model":"small","max_tokens":501,"messages":[{"role":"user","content":"x"}]}""", 400, "between 1 and 500")]
    [InlineData("""{"model":"nope","messages":[{"role":"user","content":"x"}]}""", 404, "Known models: small")]
    [InlineData("""{"model":"small","messages":[""", 400, "not valid JSON")]
    public async Task RejectsBadRequestsBeforeCallingTheProvider(string request, int status, string says)
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json(request));

        Assert.Equal(status, (int)response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(says, body.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task APromptLongerThanTheContextWindowIsRejectedWithBothNumbers()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();
        var words = string.Join(' ', Enumerable.Repeat("context", 3000));

        var response = await client.PostAsync("/v1/chat/completions", Json($$"""{"model":"small","max_tokens":100,"messages":[{"role":"user","content":"{{words}}"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await response.Content.ReadAsStringAsync();
        Assert.Contains("max_tokens is 100", message);
        Assert.Contains("2000 tokens", message);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json(new string(' ', 70_000) + "{}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task StreamsServerSentEventsEndingWithDone()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","stream":true,"messages":[{"role":"user","content":"stream me"}]}"""));
        var events = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"content\":\"[small]\"", events);
        Assert.EndsWith("data: [DONE]\n\n", events);
    }

    [Fact]
    public async Task AnUpstreamThatDiesMidStreamEndsTheStreamWithAnErrorEventAndNoDone()
    {
        _upstream.Then(new Step.CutStream(Tokens: 2));
        using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","stream":true,"messages":[{"role":"user","content":"one two three four"}]}"""));
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(events, e => e.Contains("\"content\":\"[small]\"", StringComparison.Ordinal));
        Assert.True(JsonDocument.Parse(events[^1]["data: ".Length..]).RootElement.TryGetProperty("error", out _), $"the last event is not an error: {events[^1]}");
        Assert.DoesNotContain(events, e => e.Contains("[DONE]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithKeysConfiguredAWrongKeyGetsABare401()
    {
        using var factory = Factory(auth: "auth: { keys: [s3cret] }");
        using var client = factory.CreateClient();
        var request = Json("""{"model":"small","messages":[{"role":"user","content":"x"}]}""");

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        var denied = await client.PostAsync("/v1/chat/completions", request);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        var allowed = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","messages":[{"role":"user","content":"x"}]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.DoesNotContain("s3cret", await denied.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task WithKeysConfiguredAMissingKeyGetsA401ThatSaysNothingAboutValidKeysWhileHealthNeedsNone()
    {
        using var factory = Factory(auth: "auth: { keys: [s3cret] }");
        using var client = factory.CreateClient();

        var denied = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","messages":[{"role":"user","content":"x"}]}"""));
        var models = await client.GetAsync("/v1/models");
        var health = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, models.StatusCode);
        using var body = JsonDocument.Parse(await denied.Content.ReadAsStringAsync());
        Assert.Equal("Missing API key: send Authorization: Bearer KEY.", body.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.DoesNotContain("sha256", await denied.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, _upstream.Requests);
    }

    [Fact]
    public async Task ServesPrometheusMetrics()
    {
        using var factory = Factory();
        using var client = factory.CreateClient();
        await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","messages":[{"role":"user","content":"x"}]}"""));

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("gen_ai_server_request_duration", metrics);
    }

    private WebApplicationFactory<Program> Factory(string auth = "")
    {
        var config = Path.Combine(_dir, $"grounded-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(config, $"""
            models:
              - name: small
                provider: openai
                endpoint: {_upstream.Endpoint}
                model: small-model
                contextWindow: 2000
                maxOutputTokens: 500
            resilience:
              retry: {"{"} maxAttempts: 1 {"}"}
            server: {"{"} maxRequestBodyBytes: 65536 {"}"}
            {auth}
            """);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Grounded:Config", config);
            b.UseSetting("Grounded:Store", Path.Combine(_dir, "store"));
        });
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
