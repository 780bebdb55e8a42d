using System.Text.Json;
using Grounded.Access;
using Grounded.Agents;
using Grounded.Agents.Definitions;
using Grounded.Agents.Loop;
using Grounded.Testing.Upstream;

namespace Grounded.Hosting.Tests.Agents;

/// <summary>Multi-agent runs: specialists in Agent Framework workflows (sequential, concurrent) or handed the task by an orchestrator, under one run's caps.</summary>
public sealed class AgentWorkflowTests : IClassFixture<AgentFixture>
{
    private readonly AgentFixture fixture;

    public AgentWorkflowTests(AgentFixture fixture)
    {
        this.fixture = fixture;
        fixture.Upstream.Reset(); // each test scripts its own model
    }

    [Fact]
    public async Task ASequentialWorkflowRunsEachSpecialistInTurnAndAnswersWithTheLastOne()
    {
        fixture.Upstream.Then(new Step.Ok("Notes: the beacon restarts every 40 minutes."), new Step.Ok("The Osprey beacon restarts every 40 minutes."));
        await using var stack = GroundedStack.Create(fixture.Options());

        var run = await stack.Agents.StartAsync(Team("sequential", "maxSteps: 10"), "How often does the beacon restart?", CallerIdentity.Local);

        Assert.Equal((AgentRunStatus.Completed, "The Osprey beacon restarts every 40 minutes."), (run.Status, run.Answer));
        Assert.Equal(["researcher", "writer"], run.Steps.Select(s => s.Agent!).ToArray());
        Assert.Contains("Notes: the beacon restarts every 40 minutes.", fixture.Upstream.Bodies[^1], StringComparison.Ordinal); // the writer saw the notes
        Assert.Equal(2, run.Usage.ModelCalls);
    }

    [Fact]
    public async Task AConcurrentWorkflowJoinsEverySpecialistsAnswer()
    {
        fixture.Upstream.Default = new Step.Ok("same answer");
        await using var stack = GroundedStack.Create(fixture.Options());

        var run = await stack.Agents.StartAsync(Team("concurrent", "maxSteps: 10, maxUsd: 2"), "Beacon?", CallerIdentity.Local);

        Assert.True(run.Status == AgentRunStatus.Completed, run.Error);
        Assert.Contains("researcher: same answer", run.Answer, StringComparison.Ordinal);
        Assert.Contains("writer: same answer", run.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrchestratorHandsTheTaskToASpecialistAsATool()
    {
        fixture.Upstream.Then(
            new Step.ToolCalls([new ToolCall("ask_researcher", "{\"query\": \"How often does the Osprey beacon restart?\"}")]),
            new Step.Ok("Every 40 minutes, says the researcher."),
            new Step.Ok("The researcher found: every 40 minutes."));
        await using var stack = GroundedStack.Create(fixture.Options());

        var run = await stack.Agents.StartAsync(Team("handoff", "maxSteps: 10"), "How often does the beacon restart?", CallerIdentity.Local);

        Assert.Equal((AgentRunStatus.Completed, "The researcher found: every 40 minutes."), (run.Status, run.Answer));
        var handoff = Assert.Single(run.Steps, s => s.Tool == "ask_researcher");
        Assert.Contains("Every 40 minutes, says the researcher.", handoff.Result, StringComparison.Ordinal);
        Assert.Contains(run.Steps, s => s.Agent == "researcher" && s.Kind == AgentStepKinds.Model);
        Assert.Contains("\"ask_writer\"", fixture.Upstream.Bodies[^3], StringComparison.Ordinal); // both specialists were offered
    }

    [Fact]
    public async Task TheOrchestratorsCapsBoundEverySpecialist()
    {
        fixture.Upstream.Default = new Step.Ok("notes");
        await using var stack = GroundedStack.Create(fixture.Options());

        var run = await stack.Agents.StartAsync(Team("sequential", "maxSteps: 1"), "Beacon?", CallerIdentity.Local);

        Assert.Equal((AgentRunStatus.Failed, AgentExitReason.MaxSteps), (run.Status, run.ExitReason));
        Assert.Equal(1, run.Usage.ModelCalls);
    }

    [Fact]
    public async Task ASpecialistThatWouldWaitForApprovalIsRefusedBeforeTheRun()
    {
        await using var stack = GroundedStack.Create(fixture.Options());
        var folder = Path.GetDirectoryName(fixture.Agent("name: unused\ninstructions: x\nmodel: small\n"))!;
        File.WriteAllText(Path.Combine(folder, "careful.yaml"), "name: careful\ninstructions: x\nmodel: small\ntools: [{ name: calculate, requiresApproval: true }]\n");
        var team = fixture.Agent("name: team\ninstructions: Coordinate.\nmodel: small\nworkflow: { mode: sequential, agents: [careful.yaml] }\n");

        var error = await Assert.ThrowsAsync<AgentDefinitionException>(() => stack.Agents.StartAsync(team, "task", CallerIdentity.Local));

        Assert.Contains("careful.yaml: a specialist cannot", error.Message, StringComparison.Ordinal);
    }

    private string Team(string mode, string caps)
    {
        var folder = Path.GetDirectoryName(fixture.Agent("name: unused\ninstructions: x\nmodel: small\n"))!;
        File.WriteAllText(Path.Combine(folder, "researcher.yaml"), "name: researcher\ndescription: Finds facts in the documents.\ninstructions: Find the facts.\nmodel: small\n");
        File.WriteAllText(Path.Combine(folder, "writer.yaml"), "name: writer\ndescription: Writes the final answer.\ninstructions: Write the answer from the notes.\nmodel: small\n");
        return fixture.Agent($"name: team\ninstructions: Hand the task to the specialist that fits, then answer.\nmodel: small\nworkflow: {{ mode: {mode}, agents: [researcher.yaml, writer.yaml] }}\ncaps: {{ {caps} }}\n");
    }
}
