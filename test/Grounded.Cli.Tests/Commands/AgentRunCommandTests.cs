using System.Text.Json;
using Grounded.Cli.Tests.Support;
using Grounded.Testing.Upstream;

namespace Grounded.Cli.Tests.Commands;

/// <summary>
/// <c>grounded agent run|trace|approve|reject|list</c> as a user runs them, against a scripted model over HTTP: the run's JSON
/// contract, and the exit codes scripts branch on (0 completed, 3 stopped, 4 waiting for approval).
/// </summary>
public sealed class AgentRunCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Statuses = ["completed", "waiting_approval", "failed"];
    private static readonly string[] ExitReasons = ["completed", "max_steps", "max_cost", "timeout", "repeated_call", "rejected", "error"];
    private readonly TempDirectory _dir = new();
    private ScriptableUpstream _upstream = null!;

    public async Task InitializeAsync()
    {
        _upstream = await ScriptableUpstream.StartAsync("small");
        _dir.Write("grounded.yaml", $"""
            models:
              - {"{"} name: small, provider: openai, endpoint: "{_upstream.Endpoint}", model: small-model, contextWindow: 8000, maxOutputTokens: 500 {"}"}
            resilience:
              retry: {"{"} maxAttempts: 1 {"}"}
            """);
        _dir.Write("agents/counter.yaml", "name: counter\ninstructions: Use the calculator.\nmodel: small\ntools: [calculate]\ncaps: { maxSteps: 3, maxRepeats: 10, timeout: 60s }\n");
        _dir.Write("agents/careful.yaml", "name: careful\ninstructions: Use the calculator.\nmodel: small\ntools: [{ name: calculate, requiresApproval: true }]\ncaps: { maxSteps: 5 }\n");
    }

    public async Task DisposeAsync() => await _upstream.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ACompletedRunPrintsTheContractsFieldsWithTheirTypesAndExits0()
    {
        _upstream.Then(new Step.ToolCalls([new ToolCall("calculate", """{"expression": "6*7"}""")]), new Step.Ok("It is 42."));

        var result = await Run("agent", "run", "--agent", "agents/counter.yaml", "What is 6 times 7?", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var run = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.StartsWith("run_", run.GetProperty("runId").GetString(), StringComparison.Ordinal);
        Assert.Contains(run.GetProperty("status").GetString(), Statuses);
        Assert.Contains(run.GetProperty("exitReason").GetString(), ExitReasons);
        Assert.Equal(("completed", "completed", "It is 42."), (run.GetProperty("status").GetString(), run.GetProperty("exitReason").GetString(), run.GetProperty("answer").GetString()));
        Assert.Equal(JsonValueKind.Object, run.GetProperty("usage").ValueKind);
        Assert.Equal(JsonValueKind.Number, run.GetProperty("costUsd").ValueKind);
        var steps = run.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["model", "tool", "model"], steps.Select(s => s.GetProperty("kind").GetString()));
        Assert.All(steps, s =>
        {
            Assert.Equal(JsonValueKind.Number, s.GetProperty("n").ValueKind);
            Assert.Equal(JsonValueKind.Number, s.GetProperty("ms").ValueKind);
            Assert.Equal(JsonValueKind.Number, s.GetProperty("usd").ValueKind);
            Assert.True(s.TryGetProperty("tool", out _) && s.TryGetProperty("arguments", out _), s.GetRawText());
        });
        Assert.Equal(("calculate", "6*7"), (steps[1].GetProperty("tool").GetString(), steps[1].GetProperty("arguments").GetProperty("expression").GetString()));
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("tool").ValueKind);
    }

    [Fact]
    public async Task AModelThatAlwaysCallsAToolStopsAtMaxStepsAfterExactlyThatManyCallsAndExits3()
    {
        _upstream.Default = new Step.ToolCalls([new ToolCall("calculate", """{"expression": "1+1"}""")]);

        var result = await Run("agent", "run", "--agent", "agents/counter.yaml", "Count forever", "--json");

        Assert.True(result.ExitCode == 3, result.ToString());
        var run = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(("failed", "max_steps"), (run.GetProperty("status").GetString(), run.GetProperty("exitReason").GetString()));
        Assert.Equal(JsonValueKind.Null, run.GetProperty("answer").ValueKind);
        Assert.Equal(3, _upstream.Requests);
        Assert.Equal(3, run.GetProperty("usage").GetProperty("modelCalls").GetInt32());
    }

    [Fact]
    public async Task ARunWaitingForApprovalExits4AndApproveCompletesItThenTraceShowsTheTranscript()
    {
        _upstream.Then(new Step.ToolCalls([new ToolCall("calculate", """{"expression": "6*7"}""")]), new Step.Ok("It is 42."));

        var paused = await Run("agent", "run", "--agent", "agents/careful.yaml", "What is 6 times 7?", "--json");

        Assert.True(paused.ExitCode == 4, paused.ToString());
        var waiting = JsonDocument.Parse(paused.Stdout).RootElement;
        var id = waiting.GetProperty("runId").GetString()!;
        Assert.Equal(("waiting_approval", "calculate"), (waiting.GetProperty("status").GetString(), waiting.GetProperty("pending").GetProperty("tool").GetString()));
        var listed = JsonDocument.Parse((await Run("agent", "list", "--status", "waiting_approval", "--json")).Stdout).RootElement;
        Assert.Equal([id], listed.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("runId").GetString()));

        var approved = await Run("agent", "approve", id, "--json");

        Assert.True(approved.ExitCode == 0, approved.ToString());
        var run = JsonDocument.Parse(approved.Stdout).RootElement;
        Assert.Equal(("completed", "It is 42."), (run.GetProperty("status").GetString(), run.GetProperty("answer").GetString()));
        var trace = await Run("agent", "trace", id);
        Assert.True(trace.ExitCode == 0, trace.ToString());
        Assert.Contains("tool calculate", trace.Stdout, StringComparison.Ordinal);
        Assert.Contains("6*7", trace.Stdout, StringComparison.Ordinal);
        Assert.Contains("approved calculate", trace.Stdout, StringComparison.Ordinal);
        Assert.Contains("     42", trace.Stdout, StringComparison.Ordinal); // the tool's result, under its call
        Assert.Contains("It is 42.", trace.Stdout, StringComparison.Ordinal);
        var traced = JsonDocument.Parse((await Run("agent", "trace", id, "--json")).Stdout).RootElement;
        Assert.Equal(run.GetRawText(), traced.GetRawText());
        Assert.Empty(JsonDocument.Parse((await Run("agent", "list", "--status", "waiting_approval", "--json")).Stdout).RootElement.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task ARejectedRunExits3AndASecondDecisionIsAOneLineError()
    {
        _upstream.Then(new Step.ToolCalls([new ToolCall("calculate", """{"expression": "6*7"}""")]));
        var id = JsonDocument.Parse((await Run("agent", "run", "--agent", "agents/careful.yaml", "6*7?", "--json")).Stdout).RootElement.GetProperty("runId").GetString()!;

        var rejected = await Run("agent", "reject", id, "--json");
        var again = await Run("agent", "approve", id);

        Assert.True(rejected.ExitCode == 3, rejected.ToString());
        Assert.Equal("rejected", JsonDocument.Parse(rejected.Stdout).RootElement.GetProperty("exitReason").GetString());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not waiting for approval", Assert.Single(again.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(1, _upstream.Requests);
    }

    [Fact]
    public async Task ListJsonShowsEveryRunNewestFirst()
    {
        _upstream.Then(new Step.Ok("one"), new Step.Ok("two"));
        var first = JsonDocument.Parse((await Run("agent", "run", "--agent", "agents/counter.yaml", "first", "--json")).Stdout).RootElement.GetProperty("runId").GetString();
        var second = JsonDocument.Parse((await Run("agent", "run", "--agent", "agents/counter.yaml", "second", "--json")).Stdout).RootElement.GetProperty("runId").GetString();

        var result = await Run("agent", "list", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runs = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([second, first], runs.Select(r => r.GetProperty("runId").GetString()));
        Assert.All(runs, r => Assert.Equal(("counter", "completed"), (r.GetProperty("agent").GetString(), r.GetProperty("status").GetString())));
    }

    [Fact]
    public async Task RunWithoutAnAgentFileOrWithAnUnknownRunIdIsAOneLineError()
    {
        var noAgent = await Run("agent", "run", "What is 6 times 7?");
        var noRun = await Run("agent", "trace", "run_000000000000000000000000");

        Assert.Equal(1, noAgent.ExitCode);
        Assert.Contains("--agent", Assert.Single(noAgent.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(1, noRun.ExitCode);
        Assert.Contains("no agent run", Assert.Single(noRun.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, _upstream.Requests);
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(_dir.Path, [.. args, "--store", "store", "--config", "grounded.yaml"]);
}
