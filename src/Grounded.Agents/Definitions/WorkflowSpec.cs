namespace Grounded.Agents.Definitions;

/// <summary>How an orchestrator runs its specialists (<c>workflow: { mode: sequential, agents: [a.yaml, b.yaml] }</c>).</summary>
/// <param name="Mode">The pattern (<see cref="WorkflowModes"/>).</param>
/// <param name="Agents">The specialists' files, relative to the orchestrator's file.</param>
public sealed record WorkflowSpec(string Mode, IReadOnlyList<string> Agents);

/// <summary>The multi-agent patterns, each an Agent Framework workflow.</summary>
public static class WorkflowModes
{
    /// <summary>Each specialist in turn, each seeing the conversation so far; the last one's answer is the run's.</summary>
    public const string Sequential = "sequential";

    /// <summary>Every specialist on the task at once; their answers are joined.</summary>
    public const string Concurrent = "concurrent";

    /// <summary>The orchestrator hands the task to the specialist that fits, which answers (or hands it back).</summary>
    public const string Handoff = "handoff";
}
