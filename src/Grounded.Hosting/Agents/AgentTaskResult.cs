namespace Grounded.Hosting.Agents;

/// <summary>How one task's run went, scored against its expectation.</summary>
/// <param name="Id">The task's id.</param>
/// <param name="Passed">Whether the run ended as expected, asked for every expected tool, looked up the expected facts, and its answer says what it should.</param>
internal sealed record AgentTaskResult(string Id, bool Passed)
{
    /// <summary>Gets whether the task was not run (a scripted-only task in a real-model run).</summary>
    public bool Skipped { get; init; }

    /// <summary>Gets the tools the model asked for, in order.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Gets whether they are exactly the expected ones, in the expected order.</summary>
    public bool ToolsExact { get; init; }

    /// <summary>Gets the share of the expected tools (as a set) the model asked for (1 when none were expected).</summary>
    public double ToolsRecall { get; init; }

    /// <summary>Gets whether the answer contains every expected text.</summary>
    public bool AnswerOk { get; init; }

    /// <summary>Gets whether the tool results contain every expected fact.</summary>
    public bool ResultsOk { get; init; }

    /// <summary>Gets whether the status, exit reason and pending tool are the expected ones.</summary>
    public bool EndOk { get; init; }

    /// <summary>Gets the run's status.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the run's exit reason.</summary>
    public string? ExitReason { get; init; }

    /// <summary>Gets the run's answer.</summary>
    public string? Answer { get; init; }

    /// <summary>Gets the tool waiting for approval, if any.</summary>
    public string? Pending { get; init; }

    /// <summary>Gets the run's id (for <c>grounded agent trace</c>).</summary>
    public string? RunId { get; init; }

    /// <summary>Gets the model calls of the run.</summary>
    public int ModelCalls { get; init; }

    /// <summary>Gets the tool calls of the run.</summary>
    public int ToolCalls { get; init; }

    /// <summary>Gets the run's input and output tokens.</summary>
    public long Tokens { get; init; }

    /// <summary>Gets the run's cost in dollars.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Gets the run's wall time in milliseconds.</summary>
    public long Ms { get; init; }

    /// <summary>Gets what did not match, one line each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
