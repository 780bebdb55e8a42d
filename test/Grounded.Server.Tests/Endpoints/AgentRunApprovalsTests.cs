using System.Net;
using System.Text.Json;
using Grounded.Access;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;
using static Grounded.Server.Tests.Support.AgentRunsHost;
using static Grounded.Server.Tests.Support.HttpBodies;

namespace Grounded.Server.Tests.Endpoints;

/// <summary>
/// <c>POST /v1/agent-runs/{id}/approve|reject</c> on the real host: writer role, one decision per pause, tenant scoped, audited,
/// and good after a restart (runs live in the store).
/// </summary>
public sealed class AgentRunApprovalsTests : IAsyncLifetime
{
    private AgentRunsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AgentRunsHost.StartAsync();
        _host.Upstream.Then(new Step.ToolCalls([new ToolCall("calculate", """{"expression": "6*7"}""")]), new Step.Ok("It is 42."));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AReaderKeyCannotApproveAndAWritersApprovalRunsTheCallAndCompletesTheRun()
    {
        var writer = _host.Client(await _host.KeyAsync("acme", Role.Writer));
        var reader = _host.Client(await _host.KeyAsync("acme", Role.Reader));
        var id = await PausedRunAsync(writer);

        var refused = await reader.PostAsync($"/v1/agent-runs/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("needs writer", (await JsonAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("waiting_approval", (await JsonAsync(await reader.GetAsync($"/v1/agent-runs/{id}"))).GetProperty("status").GetString());

        var approved = await writer.PostAsync($"/v1/agent-runs/{id}/approve", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var run = await JsonAsync(approved);
        Assert.Equal(("completed", "completed", "It is 42."), (run.GetProperty("status").GetString(), run.GetProperty("exitReason").GetString(), run.GetProperty("answer").GetString()));
        Assert.False(run.TryGetProperty("pending", out _));
        var steps = run.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["model", "approval", "tool", "model"], steps.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal("approved", steps[1].GetProperty("decision").GetString());
        Assert.Equal("42", steps[2].GetProperty("result").GetString());
        Assert.Equal(run.GetRawText(), (await JsonAsync(await reader.GetAsync($"/v1/agent-runs/{id}"))).GetRawText());
    }

    [Fact]
    public async Task ARejectionEndsTheRunRejectedWithoutTheCallAndASecondDecisionIsA409Problem()
    {
        var writer = _host.Client(await _host.KeyAsync("acme", Role.Writer));
        var id = await PausedRunAsync(writer);

        var rejected = await JsonAsync(await writer.PostAsync($"/v1/agent-runs/{id}/reject", null));
        var again = await writer.PostAsync($"/v1/agent-runs/{id}/approve", null);

        Assert.Equal(("failed", "rejected"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("exitReason").GetString()));
        Assert.DoesNotContain(rejected.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "tool");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not waiting for approval", (await JsonAsync(again)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, _host.Upstream.Requests);
        Assert.Equal("rejected", (await JsonAsync(await writer.GetAsync($"/v1/agent-runs/{id}"))).GetProperty("exitReason").GetString());
    }

    [Fact]
    public async Task AnotherTenantsWriterGets404OnGetApproveAndRejectAndTheRunStillWaits()
    {
        var acme = _host.Client(await _host.KeyAsync("acme", Role.Writer));
        var globex = _host.Client(await _host.KeyAsync("globex", Role.Admin));
        var id = await PausedRunAsync(acme);

        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync($"/v1/agent-runs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.PostAsync($"/v1/agent-runs/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await globex.PostAsync($"/v1/agent-runs/{id}/reject", null)).StatusCode);

        Assert.Equal("waiting_approval", (await JsonAsync(await acme.GetAsync($"/v1/agent-runs/{id}"))).GetProperty("status").GetString());
        Assert.Equal(1, _host.Upstream.Requests);
    }

    [Fact]
    public async Task ARunPausedOnOneHostIsApprovedOnANewHostOverTheSameStoreAndTheDecisionIsAudited()
    {
        var writer = await _host.KeyAsync("acme", Role.Writer);
        var admin = await _host.KeyAsync("acme", Role.Admin);
        var id = await PausedRunAsync(_host.Client(writer));

        await _host.RestartAsync();
        var approved = await _host.Client(writer).PostAsync($"/v1/agent-runs/{id}/approve", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var run = await JsonAsync(approved);
        Assert.Equal(("completed", "It is 42."), (run.GetProperty("status").GetString(), run.GetProperty("answer").GetString()));
        Assert.Equal(2, _host.Upstream.Requests);
        var audit = (await JsonAsync(await _host.Client(admin).GetAsync("/v1/audit?since=1h"))).GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "agent.approved" && e.GetProperty("target").GetString() == id);
    }

    [Fact]
    public async Task ARejectionIsAuditedAsAgentRejected()
    {
        var writer = _host.Client(await _host.KeyAsync("acme", Role.Writer));
        var admin = _host.Client(await _host.KeyAsync("acme", Role.Admin));
        var id = await PausedRunAsync(writer);

        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync($"/v1/agent-runs/{id}/reject", null)).StatusCode);

        var audit = (await JsonAsync(await admin.GetAsync("/v1/audit?since=1h"))).GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "agent.rejected" && e.GetProperty("target").GetString() == id);
    }

    [Fact]
    public async Task TwoApprovalsAtOnceRunTheCallOnceOneIs200AndTheOtherA409()
    {
        var writer = await _host.KeyAsync("acme", Role.Writer);
        var id = await PausedRunAsync(_host.Client(writer));

        var both = await Task.WhenAll(_host.Client(writer).PostAsync($"/v1/agent-runs/{id}/approve", null), _host.Client(writer).PostAsync($"/v1/agent-runs/{id}/approve", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        var run = await JsonAsync(await _host.Client(writer).GetAsync($"/v1/agent-runs/{id}"));
        Assert.Single(run.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "tool");
        Assert.Single(run.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "approval");
        Assert.Equal(2, _host.Upstream.Requests);
    }

    [Fact]
    public async Task AnAnswerBelowTheConfidenceThresholdIsHeldUntilApprovedAndThenReleasedAsIs()
    {
        _host.Upstream.Reset();
        _host.Upstream.Then(new Step.Ok("Bananas are purple."));
        var writer = _host.Client(await _host.KeyAsync("acme", Role.Writer));

        var held = await JsonAsync(await writer.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"cautious","task":"What colour are bananas?"}""")));

        Assert.Equal("waiting_approval", held.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, held.GetProperty("answer").ValueKind);
        var pending = held.GetProperty("pending");
        Assert.Equal(("answer", "Bananas are purple."), (pending.GetProperty("kind").GetString(), pending.GetProperty("answer").GetString()));
        Assert.True(pending.GetProperty("confidence").GetDouble() < 0.9);

        var released = await JsonAsync(await writer.PostAsync($"/v1/agent-runs/{held.GetProperty("runId").GetString()}/approve", null));

        Assert.Equal(("completed", "completed", "Bananas are purple."), (released.GetProperty("status").GetString(), released.GetProperty("exitReason").GetString(), released.GetProperty("answer").GetString()));
        Assert.Equal(1, _host.Upstream.Requests);
    }

    private static async Task<string> PausedRunAsync(HttpClient client)
    {
        var run = await JsonAsync(await client.PostAsync("/v1/agent-runs", JsonBody("""{"agent":"careful","task":"What is 6 times 7?"}""")));
        Assert.Equal("waiting_approval", run.GetProperty("status").GetString());
        return run.GetProperty("runId").GetString()!;
    }
}
