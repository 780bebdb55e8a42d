namespace Grounded.Hosting.Agents;

/// <summary>What a good run of an <see cref="AgentTask"/> does.</summary>
internal sealed record AgentTaskExpectation
{
    /// <summary>Gets the tools the model should ask for, in order (a call waiting for approval included).</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Gets the texts the answer should contain (case ignored); <c>a|b</c> accepts either.</summary>
    public IReadOnlyList<string> AnswerContains { get; init; } = [];

    /// <summary>Gets texts some tool result should contain (case ignored; <c>a|b</c> accepts either): the facts the answer rests on were looked up.</summary>
    public IReadOnlyList<string> ResultsContain { get; init; } = [];

    /// <summary>Gets the run's expected status (<c>completed</c>, <c>waiting_approval</c>, <c>failed</c>).</summary>
    public string Status { get; init; } = Grounded.Agents.AgentRunStatus.Completed;

    /// <summary>Gets the run's expected exit reason; null for a run that waits.</summary>
    public string? ExitReason { get; init; }

    /// <summary>Gets the tool whose call should be waiting for approval, or null.</summary>
    public string? Pending { get; init; }
}
