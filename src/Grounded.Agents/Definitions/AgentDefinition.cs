using Grounded.Prompts;

namespace Grounded.Agents.Definitions;

/// <summary>
/// One agent as its file (<c>agents/NAME.yaml</c>) describes it: what it is told, which model answers, which tools it may call,
/// and the caps and approval rules that keep it safe. Read and checked by <see cref="AgentFileReader"/>.
/// </summary>
public sealed record AgentDefinition
{
    /// <summary>Gets the agent's name (lower-case letters, digits, '-' and '_').</summary>
    public required string Name { get; init; }

    /// <summary>Gets what the agent is for, in one sentence (shown to an orchestrator choosing a specialist).</summary>
    public string? Description { get; init; }

    /// <summary>Gets the instructions written in the file; empty when they come from the prompt registry (<see cref="InstructionsPrompt"/>).</summary>
    public string Instructions { get; init; } = string.Empty;

    /// <summary>Gets the registry prompt whose system template is the instructions (<c>instructions: { prompt: ID[@VER] }</c>), or null.</summary>
    public PromptReference? InstructionsPrompt { get; init; }

    /// <summary>Gets the configured model or route every model call of a run names.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the tools the agent may call: nothing else is offered to the model, and a call of anything else is refused.</summary>
    public IReadOnlyList<ToolSpec> Tools { get; init; } = [];

    /// <summary>Gets the caps every run of the agent stops at.</summary>
    public AgentCaps Caps { get; init; } = new();

    /// <summary>
    /// Gets the grounding confidence (0 to 1) below which a final answer waits for a person's approval (<c>approval.minConfidence</c>);
    /// null: answers are never held.
    /// </summary>
    public double? MinConfidence { get; init; }

    /// <summary>Gets the specialists an orchestrator runs (<c>workflow:</c>), or null for a single agent (the default).</summary>
    public WorkflowSpec? Workflow { get; init; }

    /// <summary>Gets the file the agent was read from, if any; relative paths in it (OpenAPI documents, specialists) are read from its folder.</summary>
    public string? SourceFile { get; init; }
}
