using Grounded.Access;
using Grounded.Agents;
using Grounded.Agents.Definitions;
using Grounded.Agents.Loop;
using Grounded.Testing.Upstream;

namespace Grounded.Hosting.Tests.Agents;

/// <summary>Agent runs through the stack: the scripted model over real HTTP, tools on the fixture's store, runs kept in its access store.</summary>
public sealed class AgentRuntimeTests : IClassFixture<AgentFixture>
{
    private readonly AgentFixture fixture;

    public AgentRuntimeTests(AgentFixture fixture)
    {
        this.fixture = fixture;
        fixture.Upstream.Reset(); // each test scripts its own model
    }

    private const string Search = "{\"query\": \"How often does the beacon restart?\"}";

    [Fact]
    public async Task ARunWhoseModelAlwaysCallsAToolStopsAtMaxStepsAfterExactlyThatManyModelCalls()
    {
        fixture.Upstream.Default = new Step.ToolCalls([new ToolCall("search_documents", Search)]);
        await using var stack = GroundedStack.Create(fixture.Options());
        var before = fixture.Upstream.Requests;

        var run = await stack.Agents.StartAsync(fixture.Agent(Researcher("maxSteps: 3, maxRepeats: 10")), "How often does the Osprey beacon restart?", CallerIdentity.Local);

        Assert.Equal((AgentRunStatus.Failed, AgentExitReason.MaxSteps), (run.Status, run.ExitReason));
        Assert.Equal(3, fixture.Upstream.Requests - before);
        Assert.Equal(3, run.Steps.Count(s => s.Kind == AgentStepKinds.Model));
        Assert.Contains(run.Steps, s => s.Kind == AgentStepKinds.Tool && s.Result!.Contains("40 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchDocumentsReturnsOnlyTheCallersTenantsPassages()
    {
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("search_documents", Search)]), new Step.Ok("done"));
        await using var stack = GroundedStack.Create(fixture.Options());
        var globex = new CallerIdentity("k1", "globex", Role.Reader, null);

        var run = await stack.Agents.StartAsync(fixture.Agent(Researcher("maxSteps: 3")), "How often does the beacon restart?", globex);

        var result = Assert.Single(run.Steps, s => s.Kind == AgentStepKinds.Tool).Result!;
        Assert.Contains("15 minutes", result, StringComparison.Ordinal);
        Assert.DoesNotContain("40 minutes", result, StringComparison.Ordinal);
        Assert.Equal(("completed", "done"), (run.ExitReason, run.Answer));
    }

    [Fact]
    public async Task AToolThatNeedsApprovalPausesTheRunUntilApprovedAndAnotherStackResumesIt()
    {
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("calculate", "{\"expression\": \"6*7\"}")]), new Step.Ok("It is 42."));
        var agent = fixture.Agent(Calculator());
        string id;
        await using (var stack = GroundedStack.Create(fixture.Options()))
        {
            var paused = await stack.Agents.StartAsync(agent, "What is 6 times 7?", CallerIdentity.Local);
            Assert.Equal(AgentRunStatus.WaitingApproval, paused.Status);
            Assert.Equal("calculate", paused.Pending!.Tool);
            Assert.DoesNotContain(paused.Steps, s => s.Kind == AgentStepKinds.Tool);
            id = paused.RunId;
        }

        await using var restarted = GroundedStack.Create(fixture.Options());
        var run = await restarted.Agents.DecideAsync(id, approve: true, CallerIdentity.Local, "test");

        Assert.Equal((AgentRunStatus.Completed, "It is 42."), (run!.Status, run.Answer));
        Assert.Contains(run.Steps, s => s.Kind == AgentStepKinds.Approval && s.Decision == "approved");
        Assert.Equal("42", Assert.Single(run.Steps, s => s.Kind == AgentStepKinds.Tool).Result);
        var audit = await (await restarted.GetAccessAsync()).ReadAsync(DateTimeOffset.MinValue, Tenants.Default, 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "agent.approved" && e.Target == id);
    }

    [Fact]
    public async Task ARejectedCallEndsTheRunWithoutRunningItAndASecondDecisionIsAConflict()
    {
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("calculate", "{\"expression\": \"1+1\"}")]));
        await using var stack = GroundedStack.Create(fixture.Options());
        var paused = await stack.Agents.StartAsync(fixture.Agent(Calculator()), "Add one and one", CallerIdentity.Local);

        var run = await stack.Agents.DecideAsync(paused.RunId, approve: false, CallerIdentity.Local, "test");

        Assert.Equal((AgentRunStatus.Failed, AgentExitReason.Rejected), (run!.Status, run.ExitReason));
        Assert.DoesNotContain(run.Steps, s => s.Kind == AgentStepKinds.Tool);
        await Assert.ThrowsAsync<AgentRunConflictException>(() => stack.Agents.DecideAsync(paused.RunId, approve: true, CallerIdentity.Local, "test"));
    }

    [Fact]
    public async Task AnotherTenantCanNeitherSeeNorDecideARun()
    {
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("calculate", "{\"expression\": \"2+2\"}")]));
        await using var stack = GroundedStack.Create(fixture.Options());
        var paused = await stack.Agents.StartAsync(fixture.Agent(Calculator()), "2+2", CallerIdentity.Local);
        var other = new CallerIdentity("k2", "globex", Role.Admin, null);

        Assert.Null(await stack.Agents.GetAsync(paused.RunId, other));
        Assert.Null(await stack.Agents.DecideAsync(paused.RunId, approve: true, other, "test"));
        Assert.Equal(AgentRunStatus.WaitingApproval, (await stack.Agents.GetAsync(paused.RunId, CallerIdentity.Local))!.Status);
    }

    [Fact]
    public async Task TheSameCallAskedForMaxRepeatsTimesStopsTheRun()
    {
        fixture.Upstream.Default = new Step.ToolCalls([new ToolCall("search_documents", Search)]);
        await using var stack = GroundedStack.Create(fixture.Options());

        var run = await stack.Agents.StartAsync(fixture.Agent(Researcher("maxSteps: 10, maxRepeats: 2")), "Beacon?", CallerIdentity.Local);

        Assert.Equal(AgentExitReason.RepeatedCall, run.ExitReason);
        Assert.Equal(1, run.Usage.ToolCalls);
        Assert.Equal(2, run.Usage.ModelCalls);
    }

    [Fact]
    public async Task ARunStopsBeforeTheModelCallThatCouldPassItsDollarCap()
    {
        await using var stack = GroundedStack.Create(fixture.Options());
        var before = fixture.Upstream.Requests;

        // One call can cost up to its input and 500 output tokens at $150/$600 per million: over $0.30, more than the cap.
        var run = await stack.Agents.StartAsync(fixture.Agent(Researcher("maxUsd: 0.25")), "Beacon?", CallerIdentity.Local);

        Assert.Equal((AgentRunStatus.Failed, AgentExitReason.MaxCost), (run.Status, run.ExitReason));
        Assert.Equal(before, fixture.Upstream.Requests);
        Assert.Contains("caps.maxUsd", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaidToolCallsCountTowardsTheDollarCapAndTheRunNeverPassesIt()
    {
        fixture.Upstream.Default = new Step.ToolCalls([new ToolCall("calculate", "{\"expression\": \"2+2\"}")]);
        await using var stack = GroundedStack.Create(fixture.Options());
        var agent = "name: paid\ninstructions: Use the calculator.\nmodel: small\ntools: [{ name: calculate, usd: 0.2 }]\ncaps: { maxSteps: 50, maxUsd: 1.0, maxRepeats: 100 }\n";

        var run = await stack.Agents.StartAsync(fixture.Agent(agent), "2+2, again and again", CallerIdentity.Local);

        Assert.Equal(AgentExitReason.MaxCost, run.ExitReason);
        Assert.InRange(run.CostUsd, 0.6m, 1.0m);
        Assert.Equal(run.CostUsd, run.Steps.Sum(s => s.Usd));
        Assert.All(run.Steps.Where(s => s.Kind == AgentStepKinds.Tool), s => Assert.Equal(0.2m, s.Usd));
    }

    [Fact]
    public async Task InvalidArgumentsAndUnknownToolsGoBackToTheModelAsErrorsAndTheRunGoesOn()
    {
        fixture.Upstream.Then(
            new Step.ToolCalls([new ToolCall("search_documents", "{\"top_k\": 99}")]),
            new Step.ToolCalls([new ToolCall("delete_everything", "{}")]),
            new Step.Ok("I could not search."));
        await using var stack = GroundedStack.Create(fixture.Options());

        var run = await stack.Agents.StartAsync(fixture.Agent(Researcher("maxSteps: 5")), "Beacon?", CallerIdentity.Local);

        var tools = run.Steps.Where(s => s.Kind == AgentStepKinds.Tool).ToList();
        Assert.Contains("query", tools[0].Error, StringComparison.Ordinal);
        Assert.Contains("no tool 'delete_everything'", tools[1].Error, StringComparison.Ordinal);
        Assert.Equal(AgentExitReason.Completed, run.ExitReason);
        Assert.Contains("no tool 'delete_everything'", fixture.Upstream.Bodies[^1], StringComparison.Ordinal); // the model was told
    }

    [Fact]
    public async Task ARunLongerThanItsTimeoutEndsWithTimeout()
    {
        fixture.Upstream.Then(new Step.Ok("late", TimeSpan.FromSeconds(5)));
        await using var stack = GroundedStack.Create(fixture.Options());

        var run = await stack.Agents.StartAsync(fixture.Agent(Researcher("timeout: 300ms")), "Beacon?", CallerIdentity.Local);

        Assert.Equal((AgentRunStatus.Failed, AgentExitReason.Timeout), (run.Status, run.ExitReason));
        Assert.Equal(run.Status, (await stack.Agents.GetAsync(run.RunId, CallerIdentity.Local))!.Status);
    }

    [Fact]
    public async Task AnAgentNamingAnUnknownModelIsRefusedBeforeAnyCall()
    {
        await using var stack = GroundedStack.Create(fixture.Options());
        var before = fixture.Upstream.Requests;

        var error = await Assert.ThrowsAsync<AgentDefinitionException>(() =>
            stack.Agents.StartAsync(fixture.Agent("name: x\ninstructions: y\nmodel: huge\n"), "task", CallerIdentity.Local));

        Assert.Contains("model 'huge'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    private static string Researcher(string caps) => $"name: researcher\ninstructions: Answer from the documents and cite them.\nmodel: small\ntools: [search_documents]\ncaps: {{ {caps} }}\n";

    private static string Calculator() => "name: careful\ninstructions: Use the calculator.\nmodel: small\ntools: [{ name: calculate, requiresApproval: true }]\ncaps: { maxSteps: 5 }\n";
}
