using System.Text.Json;
using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Grounded.Agents.Tools.OpenApi;

namespace Grounded.Agents.Tests.Tools.OpenApi;

public sealed class OpenApiToolsTests : IAsyncLifetime
{
    private OpenApiTestService _service = null!;

    public async Task InitializeAsync() => _service = await OpenApiTestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task EveryOperationBecomesASnakeCaseToolFromOpenApi()
    {
        var tools = await LoadAsync(new OpenApiToolSpec(_service.DocumentPath));

        Assert.Equal(["list_orders", "create_order", "get_order", "cancel_order", "get_stock"], tools.Select(t => t.Name));
        Assert.All(tools, t => Assert.Equal("openapi", t.Source));
    }

    [Fact]
    public async Task DescriptionsComeFromTheSummaryOrTheDescriptionsFirstSentence()
    {
        var tools = await LoadAsync(new OpenApiToolSpec(_service.DocumentPath));

        Assert.Equal("Get one order by its id.", Tool(tools, "get_order").Function.Description);
        Assert.Equal("Cancel an order that has not shipped yet.", Tool(tools, "cancel_order").Function.Description);
    }

    [Fact]
    public async Task TheSchemaOffersTheStatusEnumAndRequiresThePathId()
    {
        var tools = await LoadAsync(new OpenApiToolSpec(_service.DocumentPath));

        var list = Tool(tools, "list_orders").Function.JsonSchema;
        Assert.Equal(["open", "shipped", "cancelled"], list.GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(list.GetProperty("required").EnumerateArray());
        Assert.False(list.GetProperty("additionalProperties").GetBoolean());

        var get = Tool(tools, "get_order").Function.JsonSchema;
        var id = get.GetProperty("properties").GetProperty("id");
        Assert.Equal("integer", id.GetProperty("type").GetString());
        Assert.Equal("The order's id, e.g. 1001.", id.GetProperty("description").GetString());
        Assert.Equal(["id"], get.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task TheJsonBodyIsABodyArgumentWithTheComponentSchemaInlined()
    {
        var tools = await LoadAsync(new OpenApiToolSpec(_service.DocumentPath));

        var schema = Tool(tools, "create_order").Function.JsonSchema;
        var body = schema.GetProperty("properties").GetProperty("body");
        Assert.Equal("object", body.GetProperty("type").GetString());
        Assert.Equal("integer", body.GetProperty("properties").GetProperty("quantity").GetProperty("type").GetString());
        Assert.Equal(["item", "quantity"], body.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("$ref", schema.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["body"], schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AllowKeepsOnlyTheNamedOperations()
    {
        var tools = await LoadAsync(new OpenApiToolSpec(_service.DocumentPath) { Allow = ["getOrder", "getStock"] });

        Assert.Equal(["get_order", "get_stock"], tools.Select(t => t.Name));
    }

    [Fact]
    public async Task AnAllowedIdMissingFromTheDocumentIsNamedWithTheDocumentsIds()
    {
        var error = await Assert.ThrowsAsync<ToolLoadException>(() => LoadAsync(new OpenApiToolSpec(_service.DocumentPath) { Allow = ["getOrder", "deleteOrder"] }));

        Assert.Contains("deleteOrder", error.Message, StringComparison.Ordinal);
        Assert.Contains("listOrders, createOrder, getOrder, cancelOrder, getStock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalIsRequiredForTheNamedOperationsOnly()
    {
        var tools = await LoadAsync(new OpenApiToolSpec(_service.DocumentPath) { ApprovalFor = ["cancelOrder"], Timeout = TimeSpan.FromSeconds(3), UsdPerCall = 0.01m });

        Assert.Equal(["cancel_order"], tools.Where(t => t.RequiresApproval).Select(t => t.Name));
        Assert.All(tools, t => Assert.Equal(TimeSpan.FromSeconds(3), t.Timeout));
        Assert.All(tools, t => Assert.Equal(0.01m, t.UsdPerCall));
    }

    [Fact]
    public async Task AnApprovalForAnUnknownIdFailsInsteadOfLettingCallsThrough()
    {
        var error = await Assert.ThrowsAsync<ToolLoadException>(() => LoadAsync(new OpenApiToolSpec(_service.DocumentPath) { ApprovalFor = ["cancelOrders"] }));

        Assert.Contains("cancelOrders", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YamlAndJsonDocumentsGiveTheSameTools()
    {
        var json = await LoadAsync(new OpenApiToolSpec(_service.DocumentPath));
        var yaml = await LoadAsync(new OpenApiToolSpec(_service.YamlDocumentPath));

        Assert.Equal(json.Select(t => (t.Name, t.Function.Description, t.Function.JsonSchema.GetRawText())), yaml.Select(t => (t.Name, t.Function.Description, t.Function.JsonSchema.GetRawText())));
    }

    [Fact]
    public async Task ARelativePathIsReadFromTheBaseDirectory()
    {
        var environment = new ToolEnvironment(CallerIdentity.Local) { BaseDirectory = Path.GetDirectoryName(_service.DocumentPath)! };

        var tools = await OpenApiTools.LoadAsync(new OpenApiToolSpec(Path.GetFileName(_service.YamlDocumentPath)), environment, CancellationToken.None);

        Assert.Equal(5, tools.Count);
    }

    [Fact]
    public async Task ADocumentFromAUrlCallsItsRelativeServerOnTheSameHost()
    {
        var tools = await LoadAsync(new OpenApiToolSpec(_service.DocumentUrl.AbsoluteUri) { Allow = ["getStock"] });

        var result = await tools[0].Function.InvokeAsync(new() { ["sku"] = "OSP-1" });

        Assert.StartsWith("HTTP 200\n", (string)result!, StringComparison.Ordinal);
        Assert.Equal(["GET /stock/OSP-1"], _service.Calls);
    }

    private static async Task<IReadOnlyList<AgentTool>> LoadAsync(OpenApiToolSpec spec) =>
        await OpenApiTools.LoadAsync(spec, new ToolEnvironment(CallerIdentity.Local), CancellationToken.None);

    private static AgentTool Tool(IReadOnlyList<AgentTool> tools, string name) => Assert.Single(tools, t => t.Name == name);
}
