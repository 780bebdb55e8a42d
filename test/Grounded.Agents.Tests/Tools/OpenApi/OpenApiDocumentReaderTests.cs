using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Grounded.Agents.Tools.OpenApi;

namespace Grounded.Agents.Tests.Tools.OpenApi;

public sealed class OpenApiDocumentReaderTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AMissingFileIsAOneLineLoadErrorNamingIt()
    {
        var error = await Assert.ThrowsAsync<ToolLoadException>(() => LoadAsync("nowhere.yaml"));

        Assert.Contains("nowhere.yaml", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task ABrokenDocumentIsAOneLineLoadErrorNamingTheFileAndTheProblem()
    {
        _folder.Write("broken.yaml", "openapi: 3.0.3\ninfo: { title: x, version: '1' }\npaths:\n  /a:\n    get: [this is: not an operation\n");

        var error = await Assert.ThrowsAsync<ToolLoadException>(() => LoadAsync("broken.yaml"));

        Assert.StartsWith("openapi document broken.yaml has errors: Unable to parse the YAML document at line 6", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task NotAnOpenApiDocumentIsALoadError()
    {
        _folder.Write("notes.json", "{\"hello\": \"world\"}");

        var error = await Assert.ThrowsAsync<ToolLoadException>(() => LoadAsync("notes.json"));

        Assert.StartsWith("openapi document notes.json has errors:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecursiveSchemaIsCutInsteadOfOverflowing()
    {
        _folder.Write("tree.yaml", """
            openapi: 3.0.3
            info: { title: tree, version: '1' }
            servers: [{ url: 'http://127.0.0.1:9' }]
            paths:
              /categories:
                post:
                  operationId: createCategory
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Category' }
                  responses: { '200': { description: ok } }
            components:
              schemas:
                Category:
                  type: object
                  properties:
                    name: { type: string }
                    children: { type: array, items: { $ref: '#/components/schemas/Category' } }
            """);

        var tools = await LoadAsync("tree.yaml");

        var body = Assert.Single(tools).Function.JsonSchema.GetProperty("properties").GetProperty("body");
        Assert.Equal("string", body.GetProperty("properties").GetProperty("name").GetProperty("type").GetString());
        var nested = body.GetProperty("properties").GetProperty("children").GetProperty("items");
        Assert.False(nested.TryGetProperty("properties", out _));
    }

    [Fact]
    public async Task ADocumentWithoutServersNeedsABaseUrl()
    {
        _folder.Write("bare.yaml", "openapi: 3.0.3\ninfo: { title: bare, version: '1' }\npaths:\n  /ping:\n    get:\n      operationId: ping\n      responses: { '200': { description: ok } }\n");

        var error = await Assert.ThrowsAsync<ToolLoadException>(() => LoadAsync("bare.yaml"));
        var tools = await OpenApiTools.LoadAsync(new OpenApiToolSpec("bare.yaml") { BaseUrl = "http://127.0.0.1:9/api" }, Environment(), CancellationToken.None);

        Assert.Contains("baseUrl", error.Message, StringComparison.Ordinal);
        Assert.Equal("ping", Assert.Single(tools).Name);
    }

    private Task<IReadOnlyList<AgentTool>> LoadAsync(string document) => OpenApiTools.LoadAsync(new OpenApiToolSpec(document), Environment(), CancellationToken.None);

    private ToolEnvironment Environment() => new(CallerIdentity.Local) { BaseDirectory = _folder.Path };
}
