using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;

namespace Grounded.Server.Tests;

/// <summary>What every response says about its request, and how failures look, whichever route produced them.</summary>
public sealed class RequestContextTests(IndexedStoreFixture store) : IClassFixture<IndexedStoreFixture>, IAsyncLifetime
{
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Theory]
    [InlineData("GET", "/healthz", 200)]
    [InlineData("GET", "/v1/models", 200)]
    [InlineData("GET", "/v1/nope", 404)]
    [InlineData("POST", "/v1/chat/completions", 400)]
    [InlineData("POST", "/v1/ask", 400)]
    public async Task EveryResponseCarriesARequestId(string method, string path, int status)
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json("{}") : null });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Matches("^req_[0-9a-f]{32}$", response.Headers.GetValues("x-request-id").Single());
    }

    [Fact]
    public async Task AnUnknownRouteIsA404InOpenAisShapeAndAWrongMethodA405()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var unknown = await client.PostAsync("/v1/nope", Json("{}"));
        var wrongMethod = await client.GetAsync("/v1/chat/completions");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var error = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("Unknown request URL: POST /v1/nope. See GET /openapi/v1.json for the routes this server has.", error.GetProperty("message").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Contains("GET is not allowed on /v1/chat/completions", await wrongMethod.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadAskIsProblemJsonNamingTheFieldAndTheRequest()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/ask", Json("""{"question":"Why?","topK":"five"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("invalid value for 'topK': expected an integer", problem.GetProperty("detail").GetString());
        Assert.Equal("topK", problem.GetProperty("param").GetString());
        Assert.Equal(response.Headers.GetValues("x-request-id").Single(), problem.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task AnAskWithAFieldItDoesNotHaveIsRefusedRatherThanAnsweredWithDefaults()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/ask", Json("""{"question":"Why?","top_k":2}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown field 'top_k'", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AProvidersRefusalKeepsItsStatusAndMessageAndSaysWhichProvider()
    {
        _upstream.Default = new Step.Fail(422);
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","messages":[{"role":"user","content":"x"}]}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("scripted 422", error.GetProperty("message").GetString());
        Assert.Equal("openai", error.GetProperty("provider").GetString());
        Assert.Equal("small", error.GetProperty("model").GetString());
        Assert.Equal("1", response.Headers.GetValues("x-grounded-attempts").Single());
    }

    [Fact]
    public async Task AStreamsTimeToFirstTokenIsMeasuredAndAWholeAnswerHasNone()
    {
        // Two servers: the Prometheus exporter caches a scrape for a moment, so one server scraped twice shows the first.
        var whole = await MetricsAfter("""{"model":"small","messages":[{"role":"user","content":"whole"}]}""");
        var streamed = await MetricsAfter("""{"model":"small","stream":true,"messages":[{"role":"user","content":"stream me"}]}""");

        Assert.Contains("gen_ai_server_request_duration", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("gen_ai_server_time_to_first_token", whole, StringComparison.Ordinal);
        Assert.Contains("gen_ai_server_time_to_first_token", streamed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeyRefusalCarriesTheRequestIdToo()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store, "auth: { keys: [s3cret] }");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        var response = await client.GetAsync("/v1/models");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(response.Headers.GetValues("x-request-id"));
    }

    private async Task<string> MetricsAfter(string chatRequest)
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/v1/chat/completions", Json(chatRequest));
        await response.Content.ReadAsStringAsync();
        return await client.GetStringAsync("/metrics");
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
