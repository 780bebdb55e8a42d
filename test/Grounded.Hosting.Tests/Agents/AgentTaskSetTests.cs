using System.Text.Json;
using Grounded.Agents;
using Grounded.Hosting.Agents;
using Grounded.Testing.Upstream;

namespace Grounded.Hosting.Tests.Agents;

/// <summary>
/// The committed agent task set with each task's scripted model: the model makes exactly the scripted calls, so a task that
/// fails here means the runtime (tools, arguments, caps, approvals, the OpenAPI tools, retrieval) broke, not the model.
/// </summary>
public sealed class AgentTaskSetTests(AgentTaskSetFixture fixture) : IClassFixture<AgentTaskSetFixture>
{
    [Fact]
    public async Task EveryCommittedTaskPassesWithItsScriptedModel()
    {
        var tasks = AgentTaskReader.Read(AgentTaskSetFixture.TasksFile);

        var report = await AgentTaskSet.RunAsync(fixture.Stack, tasks, fixture.RunOptions() with { BeforeEach = Script });

        var failures = report.Results.Where(r => !r.Passed || !r.ToolsExact).Select(r => $"{r.Id}: {string.Join("; ", r.Problems)}").ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.InRange(report.Tasks, 18, 40);
        Assert.Equal(report.Tasks, tasks.Count);
        Assert.Contains(report.Results, r => r.ExitReason == AgentExitReason.MaxSteps);
        Assert.Contains(report.Results, r => r.ExitReason == AgentExitReason.RepeatedCall);
        Assert.Contains(report.Results, r => r.Status == AgentRunStatus.WaitingApproval && r.Pending == "create_order");
        Assert.DoesNotContain(fixture.Orders.Calls, c => c.StartsWith("POST", StringComparison.Ordinal)); // approval-gated calls never ran
    }

    [Fact]
    public async Task ARunThatStraysFromItsTaskFailsWithTheReasons()
    {
        var task = AgentTaskReader.Read(AgentTaskSetFixture.TasksFile).Single(t => t.Id == "orders-status");
        var options = fixture.RunOptions() with
        {
            BeforeEach = (_, _) =>
            {
                fixture.Upstream.Reset();
                fixture.Upstream.Then(new Step.ToolCalls([new ToolCall("get_stock", "{\"sku\": \"OSP-1\"}")]), new Step.Ok("It is open."));
                return Task.CompletedTask;
            },
        };

        var result = Assert.Single((await AgentTaskSet.RunAsync(fixture.Stack, [task], options)).Results);

        Assert.False(result.Passed);
        Assert.Equal(["get_stock"], result.Tools);
        Assert.Equal(0, result.ToolsRecall);
        Assert.Contains(result.Problems, p => p.Contains("lacks 'shipped'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScriptedOnlyTasksAreSkippedWhenTheModelIsReal()
    {
        var tasks = AgentTaskReader.Read(AgentTaskSetFixture.TasksFile).Where(t => t.ScriptedOnly).ToList();

        var report = await AgentTaskSet.RunAsync(fixture.Stack, tasks, fixture.RunOptions() with { Scripted = false });

        Assert.NotEmpty(tasks);
        Assert.All(report.Results, r => Assert.True(r.Skipped));
        Assert.Equal(0, report.Tasks);
    }

    private Task Script(AgentTask task, CancellationToken cancellationToken)
    {
        fixture.Upstream.Reset();
        // A model asked once more than its script allows fails the run loudly instead of echoing.
        fixture.Upstream.Default = new Step.Fail(500, Message: $"the script of {task.Id} is used up");
        fixture.Upstream.Then([.. StepJson.ParseMany(task.Script ?? JsonDocument.Parse("[]").RootElement)]);
        return Task.CompletedTask;
    }
}
