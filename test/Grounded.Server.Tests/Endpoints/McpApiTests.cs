using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grounded.Access;
using Grounded.Rag.Access;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Role = Grounded.Access.Role;
using static Grounded.Server.Tests.Support.HttpBodies;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>/mcp</c> on the real host, over Kestrel: the SDK's client lists and calls the tools, behind the keys of <c>/v1</c>, scoped to the key's tenant.</summary>
public sealed class McpApiTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-mcp-").FullName;
    private WebApplication _app = null!;
    private Uri _base = null!;
    private string _acme = null!;
    private string _globex = null!;

    public async Task InitializeAsync()
    {
        var store = Path.Combine(_dir, "store");
        await using (var keys = await SqliteAccessStore.OpenAsync(store))
        {
            _acme = (await keys.CreateAsync(new NewApiKey("acme", Role.Writer), default)).Secret;
            _globex = (await keys.CreateAsync(new NewApiKey("globex", Role.Writer), default)).Secret;
        }

        var config = Path.Combine(_dir, "grounded.yaml");
        await File.WriteAllTextAsync(config, """
            models:
              - name: small
                provider: openai
                endpoint: http://127.0.0.1:9/v1
                model: m
                contextWindow: 1000
                maxOutputTokens: 100
            """);
        _app = GroundedServer.Build([], new Dictionary<string, string?> { ["Grounded:Config"] = config, ["Grounded:Store"] = store, ["urls"] = "http://127.0.0.1:0" });
        await _app.StartAsync();
        _base = new Uri(_app.Urls.First());

        Assert.Equal(HttpStatusCode.OK, (await Http(_acme).PostAsync("/v1/documents", Files(("acme-memo.md", "Project Halcyon quarterly revenue reached 41 million euros, according to the acme finance memo.\n")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http(_globex).PostAsync("/v1/documents", Files(("globex-memo.md", "Project Halcyon quarterly revenue fell to 12 million dollars, according to the globex finance memo.\n")))).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await Folders.DeleteAsync(_dir);
    }

    [Fact]
    public async Task WithoutAKeyTheEndpointRefusesTheHandshakeWith401()
    {
        var initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        var refused = await Http(null).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(async () => await ConnectAsync(null));
    }

    [Fact]
    public async Task AKeysSearchListsTheToolsAndFindsOnlyItsTenantsDocuments()
    {
        await using var client = await ConnectAsync(_acme);

        var tools = await client.ListToolsAsync();
        Assert.Equal(["ask", "search"], tools.Select(t => t.Name).Order());
        var result = await client.CallToolAsync("search", new Dictionary<string, object?> { ["query"] = "Project Halcyon quarterly revenue", ["top_k"] = 5 });

        Assert.NotEqual(true, result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("[1] acme-memo.md", text, StringComparison.Ordinal);
        Assert.Contains("41 million", text, StringComparison.Ordinal);
        Assert.DoesNotContain("globex", text, StringComparison.OrdinalIgnoreCase);
        Assert.All(result.StructuredContent!.Value.GetProperty("results").EnumerateArray(), r => Assert.Equal("acme-memo.md", r.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task AnotherTenantsKeyAsksAndIsAnsweredFromItsOwnDocumentWithACitation()
    {
        await using var client = await ConnectAsync(_globex);

        var result = await client.CallToolAsync("ask", new Dictionary<string, object?> { ["question"] = "What was Project Halcyon quarterly revenue?" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Contains("[1] globex-memo.md", text, StringComparison.Ordinal);
        Assert.DoesNotContain("41 million", text, StringComparison.Ordinal);
    }

    private Task<McpClient> ConnectAsync(string? key)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(_base, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = key is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {key}" },
        });
        return McpClient.CreateAsync(transport);
    }

    private HttpClient Http(string? key)
    {
        var client = new HttpClient { BaseAddress = _base };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }
}
