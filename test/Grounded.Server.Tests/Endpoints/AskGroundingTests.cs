using System.Net;
using System.Text;
using System.Text.Json;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>/v1/ask</c> answers carry their grounding: supported and unsupported claim counts and a confidence, on by default.</summary>
public sealed class AskGroundingTests(IndexedStoreFixture store) : IClassFixture<IndexedStoreFixture>, IAsyncLifetime
{
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync() => _upstream = await ScriptableUpstream.StartAsync("small");

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    [Fact]
    public async Task AnExtractiveAnswerReturnsGroundingWithTheThreeFieldsAndAllClaimsSupported()
    {
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var answer = await AskAsync(client, """{"question":"What causes ocean tides?","topK":2}""");

        var grounding = answer.GetProperty("grounding");
        Assert.True(grounding.GetProperty("supported").GetInt32() >= 1);
        Assert.Equal(0, grounding.GetProperty("unsupported").GetInt32());
        Assert.InRange(grounding.GetProperty("confidence").GetDouble(), 0.5, 1);
        Assert.Equal("extractive", answer.GetProperty("generator").GetString());
        Assert.True(answer.GetProperty("timings").GetProperty("verifyMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task AModelsClaimWithANumberItsSourceLacksIsCountedUnsupportedAndTheTextIsKept()
    {
        const string said = "Ocean tides are caused mainly by the gravitational pull of the Moon [1]. Most coasts see nine high tides every lunar day [1].";
        _upstream.Default = new Step.Ok(said);
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var answer = await AskAsync(client, """{"question":"What causes ocean tides?","model":"small","topK":2}""");

        Assert.Equal(said, answer.GetProperty("answer").GetString());
        var grounding = answer.GetProperty("grounding");
        Assert.Equal((1, 1), (grounding.GetProperty("supported").GetInt32(), grounding.GetProperty("unsupported").GetInt32()));
        var unsupported = grounding.GetProperty("claims").EnumerateArray().Single(c => !c.GetProperty("supported").GetBoolean());
        Assert.Contains("states 9", unsupported.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithPolicyStripTheUnsupportedClaimIsRemovedFromTheAnswer()
    {
        _upstream.Default = new Step.Ok("Ocean tides are caused mainly by the gravitational pull of the Moon [1]. Most coasts see nine high tides every lunar day [1].");
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store, "guards: { grounding: { policy: strip } }");
        using var client = factory.CreateClient();

        var answer = await AskAsync(client, """{"question":"What causes ocean tides?","model":"small","topK":2}""");

        Assert.Equal("Ocean tides are caused mainly by the gravitational pull of the Moon [1].", answer.GetProperty("answer").GetString());
        Assert.Equal(1, answer.GetProperty("grounding").GetProperty("withheld").GetInt32());
    }

    [Fact]
    public async Task TheStreamedAnswerEventCarriesTheGrounding()
    {
        _upstream.Default = new Step.Ok("Ocean tides are caused mainly by the gravitational pull of the Moon [1].");
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/v1/ask", Json("""{"question":"What causes ocean tides?","model":"small","topK":2,"stream":true}"""));
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..]).ToList();

        var last = JsonDocument.Parse(events[^2]).RootElement;
        Assert.Equal("answer", last.GetProperty("type").GetString());
        var grounding = last.GetProperty("answer").GetProperty("grounding");
        Assert.Equal((1, 0), (grounding.GetProperty("supported").GetInt32(), grounding.GetProperty("unsupported").GetInt32()));
        Assert.True(grounding.TryGetProperty("confidence", out _));
    }

    [Fact]
    public async Task AnAbstentionHasGroundingWithNoClaims()
    {
        _upstream.Default = new Step.Ok("The indexed documents do not answer this.");
        using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store);
        using var client = factory.CreateClient();

        var answer = await AskAsync(client, """{"question":"What causes ocean tides?","model":"small","topK":2}""");

        Assert.True(answer.GetProperty("abstained").GetBoolean());
        var grounding = answer.GetProperty("grounding");
        Assert.Equal((0, 0, 0.0), (grounding.GetProperty("supported").GetInt32(), grounding.GetProperty("unsupported").GetInt32(), grounding.GetProperty("confidence").GetDouble()));
        Assert.False(grounding.TryGetProperty("claims", out _));
    }

    [Fact]
    public async Task AnUnknownJudgeModelIsAConfigErrorNamingIt()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var factory = GroundedFactory.Create(store.Directory, _upstream.Endpoint, store.Store, "guards: { grounding: { judge: big } }");
            factory.CreateClient().Dispose();
        });

        Assert.Contains("guards.grounding.judge: 'big' is not a configured model or route", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string body)
    {
        var response = await client.PostAsync("/v1/ask", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
