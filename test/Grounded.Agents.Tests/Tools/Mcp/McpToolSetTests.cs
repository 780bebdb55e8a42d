using System.Net;
using System.Net.Sockets;
using Grounded.Access;
using Grounded.Agents.Definitions;
using Grounded.Agents.Loop;
using Grounded.Agents.Tools;
using Grounded.Agents.Tools.Mcp;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tests.Tools.Mcp;

/// <summary>An MCP server's tools become agent tools: names, descriptions and schemas as the server gives them, calls answered by it, the spec's rules on each.</summary>
public sealed class McpToolSetTests
{
    private static readonly ToolEnvironment Environment = new(CallerIdentity.Local);

    [Fact]
    public async Task EveryToolOfAStreamableHttpServerAppearsWithItsSchemaAndACallReturnsTheServersResult()
    {
        await using var server = await TinyMcpServer.StartAsync();
        await using var set = await McpToolSet.ConnectAsync(new McpToolSpec { Url = server.Url }, Environment, default);

        Assert.Equal(["add_numbers", "echo_text"], set.Tools.Select(t => t.Name).Order());
        var add = set.Tools.Single(t => t.Name == "add_numbers");
        Assert.Equal("mcp", add.Source);
        Assert.Equal("Add two integers.", add.Function.Description);
        var properties = add.Function.JsonSchema.GetProperty("properties");
        Assert.Equal("integer", properties.GetProperty("a").GetProperty("type").GetString());
        Assert.Equal("The second addend.", properties.GetProperty("b").GetProperty("description").GetString());

        var sum = await add.Function.InvokeAsync(new AIFunctionArguments { ["a"] = 2, ["b"] = 40 });

        Assert.Equal("42", sum);
    }

    [Fact]
    public async Task AllowKeepsOnlyTheNamedToolsAndEachCarriesTheSpecsApprovalTimeoutAndPrice()
    {
        await using var server = await TinyMcpServer.StartAsync();
        var spec = new McpToolSpec { Url = server.Url, Allow = ["echo_text"], RequiresApproval = true, Timeout = TimeSpan.FromSeconds(5), UsdPerCall = 0.01m };

        await using var set = await McpToolSet.ConnectAsync(spec, Environment, default);

        var echo = Assert.Single(set.Tools);
        Assert.Equal(("echo_text", true, TimeSpan.FromSeconds(5), 0.01m), (echo.Name, echo.RequiresApproval, echo.Timeout, echo.UsdPerCall));
        Assert.Equal("echo: hi", await echo.Function.InvokeAsync(new AIFunctionArguments { ["text"] = "hi" }));
    }

    [Fact]
    public async Task AToolTheServerFailsReturnsAnErrorResultInsteadOfThrowing()
    {
        await using var server = await TinyMcpServer.StartAsync();
        await using var set = await McpToolSet.ConnectAsync(new McpToolSpec { Url = server.Url, Allow = ["echo_text"] }, Environment, default);

        var result = Assert.IsType<string>(await set.Tools[0].Function.InvokeAsync(new AIFunctionArguments { ["text"] = "fail" }));

        Assert.StartsWith("Error: ", result, StringComparison.Ordinal);
        Assert.Contains("the echo broke", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailureTheServerReportsIsTheRunnersStepErrorSoAPaidToolIsNotChargedForIt()
    {
        await using var server = await TinyMcpServer.StartAsync();
        await using var set = await McpToolSet.ConnectAsync(new McpToolSpec { Url = server.Url, Allow = ["echo_text"], UsdPerCall = 0.01m }, Environment, default);
        var call = new FunctionCallContent("c1", "echo_text", new Dictionary<string, object?> { ["text"] = "fail" });

        var outcome = await ToolInvoker.InvokeAsync(set.Tools[0], call, null, new AgentCaps(), ["echo_text"], default);

        Assert.NotNull(outcome.Error);
        Assert.Contains("the echo broke", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAllowedNameTheServerLacksIsALoadErrorListingWhatItOffers()
    {
        await using var server = await TinyMcpServer.StartAsync();

        var error = await Assert.ThrowsAsync<ToolLoadException>(() => McpToolSet.ConnectAsync(new McpToolSpec { Url = server.Url, Allow = ["delete_everything"] }, Environment, default));

        Assert.Contains("no tool named delete_everything", error.Message, StringComparison.Ordinal);
        Assert.Contains("(it offers: add_numbers, echo_text)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBearerTokenComesFromTheNamedEnvironmentVariableAndAMissingOneIsNamed()
    {
        await using var server = await TinyMcpServer.StartAsync(bearer: "s3cret");
        var spec = new McpToolSpec { Url = server.Url, BearerEnv = "TINY_MCP_TOKEN" };

        await using var set = await McpToolSet.ConnectAsync(spec, Environment with { Environment = name => name == "TINY_MCP_TOKEN" ? "s3cret" : null }, default);
        var missing = await Assert.ThrowsAsync<ToolLoadException>(() => McpToolSet.ConnectAsync(spec, Environment with { Environment = _ => null }, default));
        var wrong = await Assert.ThrowsAsync<ToolLoadException>(() => McpToolSet.ConnectAsync(spec, Environment with { Environment = _ => "wrong" }, default));

        Assert.Equal(2, set.Tools.Count);
        Assert.Contains("TINY_MCP_TOKEN", missing.Message, StringComparison.Ordinal);
        Assert.StartsWith($"cannot connect to the MCP server {server.Url}", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerNobodyListensForIsAOneLineLoadErrorNamingIt()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/mcp");

        var error = await Assert.ThrowsAsync<ToolLoadException>(() => McpToolSet.ConnectAsync(new McpToolSpec { Url = url }, Environment, default));

        Assert.StartsWith($"cannot connect to the MCP server {url}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AStdioServerWhoseProgramDoesNotExistIsALoadErrorNamingTheCommand()
    {
        var spec = new McpToolSpec { Command = "grounded-no-such-mcp-server", Arguments = ["--stdio"] };

        var error = await Assert.ThrowsAsync<ToolLoadException>(() => McpToolSet.ConnectAsync(spec, Environment, default));

        Assert.StartsWith("cannot connect to the MCP server grounded-no-such-mcp-server --stdio", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
