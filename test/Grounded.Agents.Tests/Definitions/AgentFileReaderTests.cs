using Grounded.Agents.Definitions;

namespace Grounded.Agents.Tests.Definitions;

public sealed class AgentFileReaderTests
{
    [Fact]
    public void TheIssuesFormReadsWithItsToolsAndCaps()
    {
        var agent = Read("""
            name: researcher
            instructions: Answer from the documents and cite them.
            model: small
            tools: [search_documents, { name: calculate, requiresApproval: true }]
            caps: { maxSteps: 3, maxUsd: 0.05, timeout: 60s }
            """);

        Assert.Equal(("researcher", "small", "Answer from the documents and cite them."), (agent.Name, agent.Model, agent.Instructions));
        Assert.Equal([("search_documents", false), ("calculate", true)], agent.Tools.Cast<BuiltInToolSpec>().Select(t => (t.Name, t.RequiresApproval)).ToArray());
        Assert.Equal((3, 0.05m, TimeSpan.FromSeconds(60)), (agent.Caps.MaxSteps, agent.Caps.MaxUsd, agent.Caps.Timeout));
        Assert.Equal(new AgentCaps().MaxRepeats, agent.Caps.MaxRepeats);
    }

    [Fact]
    public void EveryProblemOfAFileIsListedWithItsLine()
    {
        var problems = new List<string>();

        var agent = AgentFileReader.Read("name: Bad Name\nmodel: small\ncolour: red\ntools: [web_search]\ncaps: { maxSteps: 0, timeout: soon }\n", "a.yaml", problems);

        Assert.Null(agent);
        Assert.Contains(problems, p => p.Contains("name 'Bad Name'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("instructions is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("line 3: unknown field 'colour'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("line 4: 'web_search' is not a built-in tool", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("caps.maxSteps must be between 1 and 1000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("caps.timeout: 'soon' is not a duration", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.StartsWith("a.yaml: ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void OpenApiAndMcpEntriesAndRegistryInstructionsRead()
    {
        var agent = Read("""
            name: clerk
            instructions: { prompt: clerk-instructions@1.2.0 }
            model: small
            tools:
              - { openapi: orders.yaml, allow: [getOrder, cancelOrder], approvalFor: [cancelOrder], auth: { bearerEnv: ORDERS_TOKEN }, usd: 0.01 }
              - { mcp: { url: "http://127.0.0.1:9/mcp", bearerEnv: T }, allow: [lookup] }
              - { mcp: { command: my-server, args: [--stdio] } }
            """);

        var openApi = Assert.IsType<OpenApiToolSpec>(agent.Tools[0]);
        Assert.Equal(("orders.yaml", "ORDERS_TOKEN", 0.01m), (openApi.Document, openApi.BearerEnv, openApi.UsdPerCall));
        Assert.Equal(["cancelOrder"], openApi.ApprovalFor);
        Assert.Equal(new Uri("http://127.0.0.1:9/mcp"), Assert.IsType<McpToolSpec>(agent.Tools[1]).Url);
        Assert.Equal(("my-server", "--stdio"), (((McpToolSpec)agent.Tools[2]).Command, ((McpToolSpec)agent.Tools[2]).Arguments[0]));
        Assert.Equal("clerk-instructions@1.2.0", agent.InstructionsPrompt!.ToString());
    }

    [Fact]
    public void AnOpenApiEntryMustNameItsOperationsAndARemoteDocumentWithAuthItsBaseUrl()
    {
        var problems = new List<string>();

        AgentFileReader.Read("name: a\ninstructions: x\nmodel: m\ntools:\n  - { openapi: shop.yaml }\n  - { openapi: 'https://evil.example/openapi.json', allow: [getOrder], auth: { bearerEnv: T } }\n", "a.yaml", problems);

        Assert.Contains(problems, p => p.Contains("line 5: openapi needs allow:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("line 6: an OpenAPI document read from a URL with auth: needs baseUrl:", StringComparison.Ordinal));
    }

    [Fact]
    public void AnMcpEntryNeedsACommandOrAUrlButNotBoth()
    {
        var problems = new List<string>();

        AgentFileReader.Read("name: a\ninstructions: x\nmodel: m\ntools: [{ mcp: { command: x, url: 'http://h/mcp' } }]\n", "a.yaml", problems);

        Assert.Contains(problems, p => p.Contains("either command:", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingFileIsAOneLineError()
    {
        var error = Assert.Throws<AgentDefinitionException>(() => AgentFileReader.Load("/nonexistent/agent.yaml"));

        Assert.Equal("/nonexistent/agent.yaml: no such agent file", error.Message);
    }

    private static AgentDefinition Read(string yaml)
    {
        var problems = new List<string>();
        var agent = AgentFileReader.Read(yaml, "agent.yaml", problems);
        Assert.True(agent is not null, string.Join("; ", problems));
        return agent!;
    }
}
