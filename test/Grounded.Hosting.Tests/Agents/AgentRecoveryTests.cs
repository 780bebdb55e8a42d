using Grounded.Access;
using Grounded.Agents;
using Grounded.Agents.Definitions;
using Grounded.Agents.Loop;
using Grounded.Gateway.Config;
using Grounded.Testing.Upstream;

namespace Grounded.Hosting.Tests.Agents;

/// <summary>Runs that must not get stuck or slip past a person: failed resumes, reused call ids, abandoned runs, workflow limits.</summary>
public sealed class AgentRecoveryTests : IClassFixture<AgentFixture>
{
    private const string Careful = "name: careful\ninstructions: Use the calculator.\nmodel: small\ntools: [{ name: calculate, requiresApproval: true }]\ncaps: { maxSteps: 5 }\n";
    private readonly AgentFixture fixture;

    public AgentRecoveryTests(AgentFixture fixture)
    {
        this.fixture = fixture;
        fixture.Upstream.Reset(); // each test scripts its own model
    }

    [Fact]
    public async Task AnApprovalThatCannotRebuildTheAgentLeavesTheRunWaitingWithTheReason()
    {
        fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("calculate", "{\"expression\": \"1+1\"}")]));
        string id;
        await using (var stack = GroundedStack.Create(fixture.Options()))
        {
            id = (await stack.Agents.StartAsync(fixture.Agent(Careful), "1+1", CallerIdentity.Local)).RunId;
        }

        var without = fixture.Options() with { Gateway = fixture.Options().Gateway with { Models = [fixture.Options().Gateway.Models[0] with { Name = "other" }] } };
        await using var changed = GroundedStack.Create(without);

        var error = await Assert.ThrowsAsync<AgentDefinitionException>(() => changed.Agents.DecideAsync(id, approve: true, CallerIdentity.Local, "test"));

        Assert.Contains("model 'small'", error.Message, StringComparison.Ordinal);
        Assert.Equal(AgentRunStatus.WaitingApproval, (await changed.Agents.GetAsync(id, CallerIdentity.Local))!.Status);
    }

    [Fact]
    public async Task AnApprovalCoversOneCallEvenWhenTheProviderReusesCallIds()
    {
        var call = new ToolCall("calculate", "{\"expression\": \"2+2\"}", Id: "call_0");
        fixture.Upstream.Then(new Step.ToolCalls([call]), new Step.ToolCalls([call with { Arguments = "{\"expression\": \"3+3\"}" }]), new Step.Ok("done"));
        await using var stack = GroundedStack.Create(fixture.Options());
        var paused = await stack.Agents.StartAsync(fixture.Agent(Careful), "2+2 then 3+3", CallerIdentity.Local);

        var again = await stack.Agents.DecideAsync(paused.RunId, approve: true, CallerIdentity.Local, "test");

        Assert.Equal(AgentRunStatus.WaitingApproval, again!.Status);
        Assert.Contains("3+3", again.Pending!.Arguments!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Single(again.Steps, s => s.Kind == AgentStepKinds.Tool);
    }

    [Fact]
    public async Task ARunAStoppedProcessLeftRunningIsEndedOnceItsTimeoutHasPassed()
    {
        await using var stack = GroundedStack.Create(fixture.Options());
        var access = await stack.GetAccessAsync();
        var old = DateTimeOffset.UtcNow.AddHours(-1);
        var document = $$"""{"run":{"runId":"run_abandoned","agent":"a","task":"t","status":"running","tenant":"default","createdAt":"{{old:O}}","updatedAt":"{{old:O}}"},"agentYaml":"name: a\ninstructions: x\nmodel: small\ncaps: { timeout: 60s }\n","caller":{"keyId":"local","tenant":"default","role":3,"groups":null},"messages":[]}""";
        Assert.True(await access.SaveAgentRunAsync(new AgentRunRecord("run_abandoned", "default", "a", AgentRunStatus.Running, old, old, 1, document), 0, CancellationToken.None));

        var ended = await stack.Agents.EndAbandonedAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, ended);
        var run = await stack.Agents.GetAsync("run_abandoned", CallerIdentity.Local);
        Assert.Equal((AgentRunStatus.Failed, AgentExitReason.Error), (run!.Status, run.ExitReason));
        Assert.Equal(0, await stack.Agents.EndAbandonedAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task AConcurrentWorkflowWithFewerStepsThanSpecialistsStopsBeforeAnyCall()
    {
        await using var stack = GroundedStack.Create(fixture.Options());
        var folder = Path.GetDirectoryName(fixture.Agent("name: unused\ninstructions: x\nmodel: small\n"))!;
        File.WriteAllText(Path.Combine(folder, "one.yaml"), "name: one\ninstructions: x\nmodel: small\n");
        File.WriteAllText(Path.Combine(folder, "two.yaml"), "name: two\ninstructions: x\nmodel: small\n");
        var team = fixture.Agent("name: team\ninstructions: x\nmodel: small\nworkflow: { mode: concurrent, agents: [one.yaml, two.yaml] }\ncaps: { maxSteps: 1, maxUsd: 5 }\n");
        var before = fixture.Upstream.Requests;

        var run = await stack.Agents.StartAsync(team, "task", CallerIdentity.Local);

        Assert.Equal(AgentExitReason.MaxSteps, run.ExitReason);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Fact]
    public async Task AWorkflowsOrchestratorCannotWaitForApproval()
    {
        await using var stack = GroundedStack.Create(fixture.Options());
        var folder = Path.GetDirectoryName(fixture.Agent("name: unused\ninstructions: x\nmodel: small\n"))!;
        File.WriteAllText(Path.Combine(folder, "one.yaml"), "name: one\ninstructions: x\nmodel: small\n");
        var team = fixture.Agent("name: team\ninstructions: x\nmodel: small\ntools: [{ name: calculate, requiresApproval: true }]\nworkflow: { mode: handoff, agents: [one.yaml] }\n");

        var error = await Assert.ThrowsAsync<AgentDefinitionException>(() => stack.Agents.StartAsync(team, "task", CallerIdentity.Local));

        Assert.Contains("orchestrator cannot wait for approval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VariablesInAnAgentFileComeFromTheEnvironmentAndAMissingOneIsNamed()
    {
        var name = $"GROUNDED_TEST_MODEL_{Guid.NewGuid():N}";
        await using var stack = GroundedStack.Create(fixture.Options());
        var agent = fixture.Agent($"name: a\ninstructions: x\nmodel: ${{{name}}}\n");

        var error = await Assert.ThrowsAsync<AgentDefinitionException>(() => stack.Agents.StartAsync(agent, "task", CallerIdentity.Local));
        Environment.SetEnvironmentVariable(name, "small");
        try
        {
            Assert.Contains("${" + name + "}", error.Message, StringComparison.Ordinal);
            Assert.Equal(AgentRunStatus.Completed, (await stack.Agents.StartAsync(agent, "task", CallerIdentity.Local)).Status);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
