using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools;

/// <summary>A tool as a run offers it: the function the model sees (name, description, JSON schema) and the rules its calls follow.</summary>
/// <param name="Function">The function: its name, description and parameter schema go to the model; its invocation runs the tool.</param>
public sealed record AgentTool(AIFunction Function)
{
    /// <summary>Gets the tool's name as the model calls it.</summary>
    public string Name => Function.Name;

    /// <summary>Gets whether every call waits for a person's approval before it runs.</summary>
    public bool RequiresApproval { get; init; }

    /// <summary>Gets the longest one call may take; null: the agent's tool timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets what one call costs in dollars.</summary>
    public decimal UsdPerCall { get; init; }

    /// <summary>Gets where the tool comes from: <c>builtin</c>, <c>openapi</c> or <c>mcp</c>.</summary>
    public string Source { get; init; } = "builtin";
}
