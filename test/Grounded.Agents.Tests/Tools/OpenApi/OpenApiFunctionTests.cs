using System.Text.Json;
using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Tools;
using Grounded.Agents.Tools.OpenApi;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tests.Tools.OpenApi;

public sealed class OpenApiFunctionTests
{
    [Fact]
    public async Task GetOrderReturnsTheStatusAndTheOrderJson()
    {
        await using var service = await OpenApiTestService.StartAsync();

        var result = await CallAsync(service, new OpenApiToolSpec(service.DocumentPath), "get_order", """{"id": 1001}""");

        Assert.StartsWith("HTTP 200\n", result, StringComparison.Ordinal);
        var order = JsonDocument.Parse(result["HTTP 200\n".Length..]).RootElement;
        Assert.Equal("osprey beacon", order.GetProperty("item").GetString());
        Assert.Equal(2, order.GetProperty("quantity").GetInt32());
        Assert.Equal(["GET /orders/1001"], service.Calls);
    }

    [Fact]
    public async Task ADotSegmentPathParameterIsRefusedRatherThanReachingAnotherOperation()
    {
        await using var service = await OpenApiTestService.StartAsync();

        var result = await CallAsync(service, new OpenApiToolSpec(service.DocumentPath), "get_order", """{"id": ".."}""");

        Assert.StartsWith(ToolResults.ErrorPrefix, result, StringComparison.Ordinal);
        Assert.Contains("cannot be '..'", result, StringComparison.Ordinal);
        Assert.Empty(service.Calls);
    }

    [Fact]
    public async Task AnErrorStatusIsAResultTheModelCanReadNotAnException()
    {
        await using var service = await OpenApiTestService.StartAsync();

        var result = await CallAsync(service, new OpenApiToolSpec(service.DocumentPath), "get_order", """{"id": 9999}""");

        Assert.StartsWith("HTTP 404\n", result, StringComparison.Ordinal);
        Assert.Contains("no order 9999", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryParametersGoIntoTheQueryString()
    {
        await using var service = await OpenApiTestService.StartAsync();

        var result = await CallAsync(service, new OpenApiToolSpec(service.DocumentPath), "list_orders", """{"status": "open"}""");

        Assert.Equal(["GET /orders?status=open"], service.Calls);
        Assert.Contains("tern lantern", result, StringComparison.Ordinal);
        Assert.DoesNotContain("heron cable", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathParametersAreEscaped()
    {
        await using var service = await OpenApiTestService.StartAsync();

        var result = await CallAsync(service, new OpenApiToolSpec(service.DocumentPath), "get_stock", """{"sku": "../orders/1001"}""");

        Assert.StartsWith("HTTP 404\n", result, StringComparison.Ordinal);
        Assert.Equal(["GET /stock/..%2Forders%2F1001"], service.Calls);
    }

    [Fact]
    public async Task CreateOrderSendsTheBodyAsJson()
    {
        await using var service = await OpenApiTestService.StartAsync();

        var result = await CallAsync(service, new OpenApiToolSpec(service.DocumentPath), "create_order", """{"body": {"item": "tern lantern", "quantity": 3}}""");

        Assert.StartsWith("HTTP 201\n", result, StringComparison.Ordinal);
        Assert.Contains("\"quantity\":3", result, StringComparison.Ordinal);
        Assert.Equal(["POST /orders"], service.Calls);
        var sent = JsonDocument.Parse(Assert.Single(service.Bodies)).RootElement;
        Assert.Equal("tern lantern", sent.GetProperty("item").GetString());
    }

    [Fact]
    public async Task TheBearerTokenComesFromTheEnvironment()
    {
        await using var service = await OpenApiTestService.StartAsync(requiredBearer: "s3cret");
        var spec = new OpenApiToolSpec(service.DocumentPath) { BearerEnv = "ORDERS_TOKEN" };

        var with = await CallAsync(service, spec, "get_order", """{"id": 1001}""", name => name == "ORDERS_TOKEN" ? "s3cret" : null);
        var without = await CallAsync(service, new OpenApiToolSpec(service.DocumentPath), "get_order", """{"id": 1001}""");

        Assert.StartsWith("HTTP 200\n", with, StringComparison.Ordinal);
        Assert.StartsWith("HTTP 401\n", without, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiKeyGoesInItsHeader()
    {
        await using var service = await OpenApiTestService.StartAsync(requiredBearer: "k3y");
        var spec = new OpenApiToolSpec(service.DocumentPath) { ApiKey = ("Authorization", "ORDERS_KEY") };

        var result = await CallAsync(service, spec, "get_stock", """{"sku": "OSP-1"}""", name => name == "ORDERS_KEY" ? "Bearer k3y" : null);

        Assert.StartsWith("HTTP 200\n", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingEnvironmentVariableIsAnErrorResultNamingIt()
    {
        await using var service = await OpenApiTestService.StartAsync(requiredBearer: "s3cret");
        var spec = new OpenApiToolSpec(service.DocumentPath) { BearerEnv = "ORDERS_TOKEN" };

        var result = await CallAsync(service, spec, "get_order", """{"id": 1001}""", _ => null);

        Assert.StartsWith("Error: ", result, StringComparison.Ordinal);
        Assert.Contains("ORDERS_TOKEN", result, StringComparison.Ordinal);
        Assert.Empty(service.Calls);
    }

    [Fact]
    public async Task AnUnreachableServiceIsAnErrorResult()
    {
        string document;
        await using (var service = await OpenApiTestService.StartAsync())
        {
            document = await File.ReadAllTextAsync(service.DocumentPath);
        }

        using var folder = new TempDirectory();
        var path = folder.Write("orders.json", document);
        var tools = await OpenApiTools.LoadAsync(new OpenApiToolSpec(path) { Allow = ["getOrder"] }, new ToolEnvironment(CallerIdentity.Local), CancellationToken.None);

        var result = (string)(await tools[0].Function.InvokeAsync(Arguments("""{"id": 1001}""")))!;

        Assert.StartsWith("Error: ", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationIsNotSwallowed()
    {
        await using var service = await OpenApiTestService.StartAsync();
        var tools = await OpenApiTools.LoadAsync(new OpenApiToolSpec(service.DocumentPath), new ToolEnvironment(CallerIdentity.Local), CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await tools.Single(t => t.Name == "list_orders").Function.InvokeAsync(Arguments("{}"), cancelled.Token));
    }

    private static async Task<string> CallAsync(OpenApiTestService service, OpenApiToolSpec spec, string tool, string arguments, Func<string, string?>? environment = null)
    {
        var tools = await OpenApiTools.LoadAsync(spec, new ToolEnvironment(CallerIdentity.Local) { Environment = environment ?? (_ => null) }, CancellationToken.None);
        var result = await tools.Single(t => t.Name == tool).Function.InvokeAsync(Arguments(arguments));
        return Assert.IsType<string>(result);
    }

    // Arguments as a model sends them: JSON values.
    private static AIFunctionArguments Arguments(string json) =>
        new(JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone()));
}
