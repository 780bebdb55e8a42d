using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grounded.Access;
using Grounded.Rag.Access;
using Grounded.Server.Tests.Support;
using static Grounded.Server.Tests.Support.HttpBodies;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>POST /v1/search</c> on the real host with a store of its own and keys of two tenants.</summary>
public sealed class SearchApiTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-search-").FullName;
    private WebApplicationFactory<Program> _factory = null!;
    private string _writer = null!;
    private string _other = null!;

    private string Store => Path.Combine(_dir, "store");

    public async Task InitializeAsync()
    {
        await using (var keys = await SqliteAccessStore.OpenAsync(Store))
        {
            _writer = (await keys.CreateAsync(new NewApiKey(Tenants.Default, Role.Writer), default)).Secret;
            _other = (await keys.CreateAsync(new NewApiKey("other", Role.Writer), default)).Secret;
        }

        _factory = GroundedFactory.Create(_dir, new Uri("http://127.0.0.1:9/v1"), Store);
        using var client = Client(_writer);
        var uploaded = await client.PostAsync("/v1/documents", Files(
            ("kiln.md", "# Kilns\n\nA pottery kiln fires clay at about 1200 degrees Celsius to make stoneware.\n"),
            ("tides.md", "# Tides\n\nOcean tides rise and fall twice a day because the Moon pulls on the water.\n")));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Folders.DeleteAsync(_dir);
    }

    [Fact]
    public async Task ASearchListsTheMostRelevantChunkFirstWithTheKeysOfTheCliSearch()
    {
        using var client = Client(_writer);

        var response = await client.PostAsync("/v1/search", Json("""{"query":"At what temperature does a kiln fire clay?","k":2}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("query").ValueKind); // a response never repeats the caller's text
        Assert.False(string.IsNullOrEmpty(body.GetProperty("index").GetString()));
        var results = body.GetProperty("results");
        Assert.InRange(results.GetArrayLength(), 1, 2);
        var first = results[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal("kiln.md", first.GetProperty("source").GetString());
        Assert.Contains("1200 degrees", first.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("documentId").GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("chunkId").GetString()));
        Assert.True(first.GetProperty("score").GetDouble() > 0);
    }

    [Fact]
    public async Task AnotherTenantFindsNoneOfTheDocuments()
    {
        using var client = Client(_other);

        var body = await JsonAsync(await client.PostAsync("/v1/search", Json("""{"query":"kiln clay temperature"}""")));

        Assert.Equal(0, body.GetProperty("results").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"query":""}""", "query is required")]
    [InlineData("""{"query":"kiln","k":0}""", "k must be between 1 and 1000")]
    [InlineData("""{"query":"kiln","colour":"blue"}""", "colour")]
    [InlineData("""not json""", "JSON")]
    public async Task ABadRequestIsA400ProblemNamingWhatIsWrong(string body, string detail)
    {
        using var client = Client(_writer);

        var response = await client.PostAsync("/v1/search", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutAKeyTheRouteIsRefused()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/v1/search", Json("""{"query":"kiln"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private HttpClient Client(string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
