using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Access;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;
using static Grounded.Server.Tests.Support.AgentRunsHost;
using static Grounded.Server.Tests.Support.HttpBodies;

namespace Grounded.Server.Tests.Endpoints;

/// <summary>
/// <c>POST /v1/agent-runs</c>, <c>GET /v1/agent-runs/{id}</c> and the list on the real host: the contract's fields, the
/// same object from both, and the requests refused with what to fix.
/// </summary>
public sealed class AgentRunsApiTests : IAsyncLifetime
{
    private static readonly string[] Statuses = ["completed", "waiting_approval", "failed"];
    private static readonly string[] ExitReasons = ["completed", "max_steps", "max_cost", "timeout", "repeated_call", "rejected", "error"];
    private AgentRunsHost _host = null!;

    public async Task InitializeAsync() => _host = await AgentRunsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task APostedRunReturnsEveryContractFieldAndGetReturnsTheSameObject()
    {
        _host.Upstream.Then(new Step.ToolCalls([new ToolCall("search_documents", """{"query": "beacon"}""")]), new Step.Ok("Nothing about beacons here."));
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Reader));

        var posted = await acme.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"researcher","task":"How often does the beacon restart?"}"""));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var run = await JsonAsync(posted);
        var id = run.GetProperty("runId").GetString()!;
        Assert.StartsWith("run_", id, StringComparison.Ordinal);
        Assert.Equal(("completed", "completed", "Nothing about beacons here."), (run.GetProperty("status").GetString(), run.GetProperty("exitReason").GetString(), run.GetProperty("answer").GetString()));
        Assert.Contains(run.GetProperty("status").GetString(), Statuses);
        Assert.Contains(run.GetProperty("exitReason").GetString(), ExitReasons);
        Assert.Equal(JsonValueKind.Object, run.GetProperty("usage").ValueKind);
        Assert.Equal(2, run.GetProperty("usage").GetProperty("modelCalls").GetInt32());
        Assert.Equal(JsonValueKind.Number, run.GetProperty("costUsd").ValueKind);
        var steps = run.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["model", "tool", "model"], steps.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal([1, 2, 3], steps.Select(s => s.GetProperty("n").GetInt32()));
        Assert.All(steps, s =>
        {
            foreach (var field in new[] { "tool", "arguments", "ms", "usd" })
            {
                Assert.True(s.TryGetProperty(field, out _), $"step {s.GetProperty("n")} has no {field}");
            }

            Assert.Equal(JsonValueKind.Number, s.GetProperty("ms").ValueKind);
            Assert.Equal(JsonValueKind.Number, s.GetProperty("usd").ValueKind);
        });
        Assert.Equal(("search_documents", "beacon"), (steps[1].GetProperty("tool").GetString(), steps[1].GetProperty("arguments").GetProperty("query").GetString()));

        var got = await acme.GetAsync($"/v1/agent-runs/{id}");

        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        var same = JsonNode.Parse(await got.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(run.GetRawText()), same), $"POST:\n{run.GetRawText()}\nGET:\n{same?.ToJsonString()}");
    }

    [Fact]
    public async Task TheTokensOfARunsModelCallsCountAgainstTheKeysTokensPerMinute()
    {
        // Two model calls of 15 tokens each (the scripted upstream's usage): 30 tokens against a limit of 20 a minute.
        _host.Upstream.Then(new Step.ToolCalls([new ToolCall("search_documents", """{"query": "beacon"}""")]), new Step.Ok("done"));
        var key = _host.Client(await _host.KeyAsync("acme", Role.Reader, tokensPerMinute: 20));

        var posted = await key.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"researcher","task":"How often does the beacon restart?"}"""));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(30, (await JsonAsync(posted)).GetProperty("usage").GetProperty("totalTokens").GetInt32());

        var next = await key.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"researcher","task":"Again?"}"""));
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }

    [Fact]
    public async Task AToolThatNeedsApprovalLeavesTheRunWaitingWithThePendingCallShown()
    {
        _host.Upstream.Then(new Step.ToolCalls([new ToolCall("calculate", """{"expression": "6*7"}""")]));
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Writer));

        var run = await JsonAsync(await acme.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"careful","task":"What is 6 times 7?"}""")));

        Assert.Equal("waiting_approval", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("exitReason").ValueKind);
        var pending = run.GetProperty("pending");
        Assert.Equal(("tool_call", "calculate", "6*7"), (pending.GetProperty("kind").GetString(), pending.GetProperty("tool").GetString(), pending.GetProperty("arguments").GetProperty("expression").GetString()));
        Assert.DoesNotContain(run.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "tool");
        Assert.Equal(1, _host.Upstream.Requests);
    }

    [Fact]
    public async Task TheListWithStatusWaitingApprovalShowsOnlyTheTenantsWaitingRuns()
    {
        _host.Upstream.Then(
            new Step.ToolCalls([new ToolCall("calculate", """{"expression": "1+1"}""")]),
            new Step.Ok("done"),
            new Step.ToolCalls([new ToolCall("calculate", """{"expression": "2+2"}""")]));
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Writer));
        var globex = _host.Client(await _host.KeyAsync("globex", Role.Writer));
        var waiting = (await JsonAsync(await acme.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"careful","task":"1+1"}""")))).GetProperty("runId").GetString();
        var done = await JsonAsync(await acme.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"researcher","task":"hello"}""")));
        var theirs = await JsonAsync(await globex.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"careful","task":"2+2"}""")));
        Assert.Equal(("completed", "waiting_approval"), (done.GetProperty("status").GetString(), theirs.GetProperty("status").GetString()));

        var listed = await JsonAsync(await acme.GetAsync("/v1/agent-runs?status=waiting_approval"));
        var all = await JsonAsync(await acme.GetAsync("/v1/agent-runs"));

        Assert.Equal([waiting], listed.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("runId").GetString()));
        Assert.Equal(2, all.GetProperty("data").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await acme.GetAsync("/v1/agent-runs?status=paused")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownAgentIsA404NamingTheAgentsThereAre()
    {
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Writer));

        var response = await acme.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"nobody","task":"anything"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("agents: careful, cautious, dreamer, researcher", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _host.Upstream.Requests);
    }

    [Theory]
    [InlineData("""{"agent":"researcher"}""", "task")]
    [InlineData("""{"agent":"researcher","task":"   "}""", "task")]
    [InlineData("""{"task":"anything"}""", "agent")]
    [InlineData("""{"agent":"../careful","task":"anything"}""", "agent")]
    [InlineData("""{"agent":"researcher","task":"anything","model":"large"}""", "model")]
    public async Task AMissingTaskOrAgentOrAnUnknownFieldIsA400NamingIt(string body, string named)
    {
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Writer));

        var response = await acme.PostAsync("/v1/agent-runs", JsonBody(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _host.Upstream.Requests);
    }

    [Fact]
    public async Task AnAgentFileNamingAnUnknownModelIsA422BeforeAnyModelCall()
    {
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Writer));

        var response = await acme.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"dreamer","task":"anything"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("model 'huge'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _host.Upstream.Requests);
    }

    [Fact]
    public async Task AnUnknownRunIsA404ProblemAndSoIsAnotherTenantsRun()
    {
        _host.Upstream.Then(new Step.Ok("hi"));
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Writer));
        var globex = _host.Client(await _host.KeyAsync("globex", Role.Admin));
        var id = (await JsonAsync(await acme.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"researcher","task":"hello"}""")))).GetProperty("runId").GetString();

        var unknown = await acme.GetAsync("/v1/agent-runs/run_000000000000000000000000");
        var theirs = await globex.GetAsync($"/v1/agent-runs/{id}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain("hello", await theirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await JsonAsync(await globex.GetAsync("/v1/agent-runs"))).GetProperty("data").EnumerateArray());
    }
}
