using System.Diagnostics;
using Grounded.Access;
using Grounded.Agents;
using Grounded.Agents.Loop;
using Grounded.Testing.Upstream;
using Grounded.Usage;

namespace Grounded.Hosting.Tests.Agents;

/// <summary>What lets people oversee a run: held answers below the confidence threshold, spans per step, and the ledger's rows.</summary>
public sealed class AgentOversightTests : IClassFixture<AgentFixture>
{
    private const string Search = "{\"query\": \"How often does the Osprey beacon restart?\"}";
    private readonly AgentFixture fixture;

    public AgentOversightTests(AgentFixture fixture)
    {
        this.fixture = fixture;
        fixture.Upstream.Reset(); // each test scripts its own model
    }

    [Fact]
    public async Task AnAnswerTheEvidenceDoesNotSupportWaitsForApprovalAndApprovingReleasesIt()
    {
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("search_documents", Search)]), new Step.Ok("Penguins migrate to the moon every spring."));
        await using var stack = GroundedStack.Create(fixture.Options());
        var agent = fixture.Agent("name: careful\ninstructions: Answer from the documents.\nmodel: small\ntools: [search_documents]\napproval: { minConfidence: 0.6 }\n");

        var held = await stack.Agents.StartAsync(agent, "How often does the Osprey beacon restart?", CallerIdentity.Local);

        Assert.Equal(AgentRunStatus.WaitingApproval, held.Status);
        Assert.Equal(("answer", "Penguins migrate to the moon every spring."), (held.Pending!.Kind, held.Pending.Answer));
        Assert.True(held.Pending.Confidence < 0.6, $"confidence {held.Pending.Confidence}");
        Assert.Null(held.Answer);
        var released = await stack.Agents.DecideAsync(held.RunId, approve: true, CallerIdentity.Local, "test");
        Assert.Equal((AgentRunStatus.Completed, "Penguins migrate to the moon every spring."), (released!.Status, released.Answer));
    }

    [Fact]
    public async Task AnAnswerTheEvidenceSupportsIsNotHeld()
    {
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("search_documents", Search)]), new Step.Ok("The Osprey relay station restarts its beacon every 40 minutes [1]."));
        await using var stack = GroundedStack.Create(fixture.Options());
        var agent = fixture.Agent("name: careful\ninstructions: Answer from the documents.\nmodel: small\ntools: [search_documents]\napproval: { minConfidence: 0.5 }\n");

        var run = await stack.Agents.StartAsync(agent, "How often does the Osprey beacon restart?", CallerIdentity.Local);

        Assert.Equal(AgentRunStatus.Completed, run.Status);
    }

    [Fact]
    public async Task EveryToolCallIsASpanWithItsSizesAndTheRunIsTheParentSpan()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AgentTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) { spans.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("search_documents", Search)]), new Step.Ok("every 40 minutes"));
        await using var stack = GroundedStack.Create(fixture.Options());

        var run = await stack.Agents.StartAsync(fixture.Agent("name: traced\ninstructions: x\nmodel: small\ntools: [search_documents]\n"), "Beacon?", CallerIdentity.Local);

        var mine = spans.Where(s => s.GetTagItem("gen_ai.agent.id") as string == run.RunId).ToList();
        var root = Assert.Single(mine);
        Assert.Equal("invoke_agent traced", root.DisplayName);
        var tool = Assert.Single(spans, s => s.DisplayName == "execute_tool search_documents" && s.ParentSpanId == root.SpanId);
        Assert.Equal(run.Steps.Single(s => s.Kind == AgentStepKinds.Tool).ResultBytes, tool.GetTagItem("grounded.tool.result_bytes"));
        Assert.True((int)tool.GetTagItem("grounded.tool.argument_bytes")! > 0);
    }

    [Fact]
    public async Task EachModelCallOfARunIsARowOfTheUsageLedgerForItsTenant()
    {
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("search_documents", Search)]), new Step.Ok("done"));
        var run = default(AgentRun);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var globex = new CallerIdentity("k9", "globex", Role.Reader, null);
        await using (var stack = GroundedStack.Create(fixture.Options()))
        {
            run = await stack.Agents.StartAsync(fixture.Agent("name: counted\ninstructions: x\nmodel: small\ntools: [search_documents]\n"), "Beacon?", globex);
            await stack.Ledger.FlushAsync();
        }

        await using var reader = GroundedStack.Create(fixture.Options());
        var totals = await (await reader.GetAccessAsync()).SummarizeAsync(new UsageQuery(since, UsageGrouping.Endpoint) { Tenant = "globex" }, CancellationToken.None);
        var row = Assert.Single(totals, t => t.Key == "agent");
        Assert.True(row.Requests >= 2, $"{row.Requests} rows");
        Assert.True(row.CostUsd >= run!.CostUsd);
    }
}
