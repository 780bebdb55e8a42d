using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grounded.Access;
using Grounded.Hosting;
using Grounded.Rag.Access;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>POST /v1/feedback</c> through the real host with keys of two tenants: ids of answers and completions, 204, 400, 404.</summary>
public sealed class FeedbackApiTests(IndexedStoreFixture store) : IClassFixture<IndexedStoreFixture>, IAsyncLifetime
{
    private ScriptableUpstream _upstream = null!;
    private WebApplicationFactory<Program> _host = null!;
    private string _acme = null!;
    private string _globex = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScriptableUpstream.StartAsync("small");
        await using (var keys = await SqliteAccessStore.OpenAsync(store.Store))
        {
            _acme = (await keys.CreateAsync(new NewApiKey("acme", Role.Reader), default)).Secret;
            _globex = (await keys.CreateAsync(new NewApiKey("globex", Role.Reader), default)).Secret;
        }

        _host = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task AnAnswersIdTakesFeedbackAndALaterRatingReplacesTheEarlier()
    {
        using var client = Client(_acme);
        var answer = await HttpBodies.JsonAsync(await client.PostAsync("/v1/ask", Json("""{"question":"What causes ocean tides?"}""")));
        var id = answer.GetProperty("id").GetString()!;

        var up = await client.PostAsync("/v1/feedback", Json($$"""{"id":"{{id}}","rating":"up","comment":"clear"}"""));
        var down = await client.PostAsync("/v1/feedback", Json($$"""{"id":"{{id}}","rating":"down"}"""));

        Assert.Matches("^ans_[0-9a-f]{24}$", id);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (up.StatusCode, down.StatusCode));
        var row = Assert.Single(await ReadFeedbackAsync("acme"), r => r.ResponseId == id);
        Assert.Equal((id, "down", "ask", "extractive", "What causes ocean tides?"), (row.ResponseId, row.Rating, row.Endpoint, row.Model, row.Question));
        Assert.Equal(answer.GetProperty("answer").GetString(), row.Answer);
        Assert.Null(row.Comment);
    }

    [Fact]
    public async Task AStreamedAnswerCarriesItsIdInTheAnswerEventAndFeedbackAcceptsIt()
    {
        using var client = Client(_acme);
        var events = await (await client.PostAsync("/v1/ask", Json("""{"question":"Why does bread rise?","stream":true}"""))).Content.ReadAsStringAsync();
        var answerLine = events.Split('\n').Single(l => l.StartsWith("data: {\"type\":\"answer\"", StringComparison.Ordinal));
        var id = JsonDocument.Parse(answerLine["data: ".Length..]).RootElement.GetProperty("answer").GetProperty("id").GetString()!;

        var response = await client.PostAsync("/v1/feedback", Json($$"""{"id":"{{id}}","rating":"up"}"""));

        Assert.Matches("^ans_[0-9a-f]{24}$", id);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task AChatCompletionsIdTakesFeedbackWithItsModelAndQuestion()
    {
        _upstream.Default = new Step.Ok("Hello there.");
        using var client = Client(_acme);
        var completion = await HttpBodies.JsonAsync(await client.PostAsync("/v1/chat/completions", Json("""{"model":"small","messages":[{"role":"user","content":"say hello"}]}""")));
        var id = completion.GetProperty("id").GetString()!;

        var response = await client.PostAsync("/v1/feedback", Json($$"""{"id":"{{id}}","rating":"down","comment":"too short"}"""));

        Assert.StartsWith("chatcmpl-", id, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var row = Assert.Single(await ReadFeedbackAsync("acme"), r => r.ResponseId == id);
        Assert.Equal(("chat", "small", "say hello", "Hello there.", "too short"), (row.Endpoint, row.Model, row.Question, row.Answer, row.Comment));
    }

    [Fact]
    public async Task AnotherTenantsAnswerIsNotFoundAndTheOwnerCanStillRateIt()
    {
        using var acme = Client(_acme);
        using var globex = Client(_globex);
        var id = (await HttpBodies.JsonAsync(await acme.PostAsync("/v1/ask", Json("""{"question":"How long is the Moon's orbit?"}""")))).GetProperty("id").GetString()!;

        var stolen = await globex.PostAsync("/v1/feedback", Json($$"""{"id":"{{id}}","rating":"down"}"""));
        var owned = await acme.PostAsync("/v1/feedback", Json($$"""{"id":"{{id}}","rating":"up"}"""));

        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal("application/problem+json", stolen.Content.Headers.ContentType?.MediaType);
        Assert.Contains(id, await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, owned.StatusCode);
        Assert.DoesNotContain(await ReadFeedbackAsync("globex"), r => r.ResponseId == id);
    }

    [Theory]
    [InlineData("""{"id":"ans_000000000000000000000000","rating":"up"}""", HttpStatusCode.NotFound, "ans_000000000000000000000000")]
    [InlineData("""{"id":"ans_000000000000000000000000","rating":"sideways"}""", HttpStatusCode.BadRequest, "rating")]
    [InlineData("""{"rating":"up"}""", HttpStatusCode.BadRequest, "id")]
    public async Task AnUnknownIdIsNotFoundAndABadRatingOrMissingIdIsABadRequest(string body, HttpStatusCode status, string named)
    {
        using var client = Client(_acme);

        var response = await client.PostAsync("/v1/feedback", Json(body));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommentOverTwoThousandCharactersIsABadRequestAndNothingIsSaved()
    {
        using var client = Client(_acme);
        var id = (await HttpBodies.JsonAsync(await client.PostAsync("/v1/ask", Json("""{"question":"What slows the Earth's spin?"}""")))).GetProperty("id").GetString()!;

        var response = await client.PostAsync("/v1/feedback", Json($$"""{"id":"{{id}}","rating":"up","comment":"{{new string('x', 2001)}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("comment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await ReadFeedbackAsync("acme"), r => r.ResponseId == id);
    }

    private HttpClient Client(string key)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<IReadOnlyList<Grounded.Feedback.FeedbackRecord>> ReadFeedbackAsync(string tenant)
    {
        var access = await _host.Services.GetRequiredService<GroundedStack>().GetAccessAsync();
        return await access.ReadFeedbackAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1), tenant, 1000, CancellationToken.None);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
