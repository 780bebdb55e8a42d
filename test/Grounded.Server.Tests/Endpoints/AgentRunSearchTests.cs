using System.Net;
using Grounded.Access;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;
using static Grounded.Server.Tests.Support.AgentRunsHost;
using static Grounded.Server.Tests.Support.HttpBodies;

namespace Grounded.Server.Tests.Endpoints;

/// <summary>An agent's <c>search_documents</c> over HTTP sees the documents of the starting key's tenant only.</summary>
public sealed class AgentRunSearchTests : IAsyncLifetime
{
    private AgentRunsHost _host = null!;

    public async Task InitializeAsync() => _host = await AgentRunsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ARunStartedWithATenantsKeySearchesThatTenantsDocumentsOnly()
    {
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Writer));
        var globex = _host.Client(await _host.KeyAsync("globex", Role.Writer));
        Assert.Equal(HttpStatusCode.OK, (await acme.PostAsync("/v1/documents", Files(("osprey.md", "# Osprey relay\n\nThe Osprey relay station restarts its beacon every 40 minutes.\n")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await globex.PostAsync("/v1/documents", Files(("heron.md", "# Heron relay\n\nThe Heron relay station restarts its beacon every 15 minutes.\n")))).StatusCode);
        var search = new Step.ToolCalls([new ToolCall("search_documents", """{"query": "How often does the relay station restart its beacon?"}""")]);
        _host.Upstream.Then(search, new Step.Ok("acme's answer"), search, new Step.Ok("globex's answer"));

        var acmeRun = await JsonAsync(await acme.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"researcher","task":"How often does the beacon restart?"}""")));
        var globexRun = await JsonAsync(await globex.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"researcher","task":"How often does the beacon restart?"}""")));

        var acmeResult = ToolResult(acmeRun);
        Assert.Contains("40 minutes", acmeResult, StringComparison.Ordinal);
        Assert.Contains("osprey.md", acmeResult, StringComparison.Ordinal);
        Assert.DoesNotContain("15 minutes", acmeResult, StringComparison.Ordinal);
        Assert.DoesNotContain("heron", acmeResult, StringComparison.OrdinalIgnoreCase);
        var globexResult = ToolResult(globexRun);
        Assert.Contains("15 minutes", globexResult, StringComparison.Ordinal);
        Assert.DoesNotContain("40 minutes", globexResult, StringComparison.Ordinal);
        Assert.Equal(("acme's answer", "globex's answer"), (acmeRun.GetProperty("answer").GetString(), globexRun.GetProperty("answer").GetString()));
        Assert.DoesNotContain("15 minutes", _host.Upstream.Bodies[1], StringComparison.Ordinal); // what acme's model was shown
    }

    private static string ToolResult(System.Text.Json.JsonElement run) =>
        Assert.Single(run.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "tool").GetProperty("result").GetString()!;
}
