using System.Text.Json;
using Grounded.Cli.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded mcp</c> as an MCP client starts it: the official SDK's stdio client lists the tools and gets cited passages.</summary>
[Collection(nameof(IndexedStoreFixture))]
public sealed class McpCommandTests(IndexedStoreFixture fixture)
{
    [Fact]
    public async Task TheSdksStdioClientListsSearchAndAskAndASearchCitesTheIndexedDocument()
    {
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            Arguments = [CliRunner.Dll, "mcp", "--store", "store"],
            WorkingDirectory = fixture.WorkingDirectory,
        }));

        var tools = await client.ListToolsAsync();
        Assert.Equal(["ask", "search"], tools.Select(t => t.Name).Order());
        var search = tools.Single(t => t.Name == "search");
        Assert.Equal(["query"], search.JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("integer", search.JsonSchema.GetProperty("properties").GetProperty("top_k").GetProperty("type").GetString());

        var result = await client.CallToolAsync("search", new Dictionary<string, object?> { ["query"] = "yeast in bread dough", ["top_k"] = 2 });

        Assert.NotEqual(true, result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith($"[1] {Path.Combine("docs", "bread.md")}", text, StringComparison.Ordinal);
        Assert.Contains("yeast ferments the sugars", text, StringComparison.Ordinal);
        var results = result.StructuredContent!.Value.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Equal(Path.Combine("docs", "bread.md"), results[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task AnOutOfRangeTopKIsAToolErrorNamingIt()
    {
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet",
            Arguments = [CliRunner.Dll, "mcp", "--store", "store"],
            WorkingDirectory = fixture.WorkingDirectory,
        }));

        var result = await client.CallToolAsync("search", new Dictionary<string, object?> { ["query"] = "bread", ["top_k"] = 50 });

        Assert.True(result.IsError);
        Assert.Contains("top_k must be an integer from 1 to 20", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipedMessagesWithStdinClosedAreAllAnsweredOnStdoutAloneWithoutOpeningTheStore()
    {
        using var dir = new TempDirectory();
        var input = string.Join('\n',
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"check","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""") + "\n";

        var run = await CliRunner.RunWithInputAsync(dir.Path, input, new Dictionary<string, string>(), "mcp", "--store", "never-opened");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 2], lines.Select(l => l.GetProperty("id").GetInt32()));
        Assert.Equal("2025-06-18", lines[0].GetProperty("result").GetProperty("protocolVersion").GetString());
        Assert.Contains(lines[1].GetProperty("result").GetProperty("tools").EnumerateArray(), t => t.GetProperty("name").GetString() == "search");
        Assert.False(Directory.Exists(dir.Combine("never-opened")), "listing the tools must not open the store");
    }
}
