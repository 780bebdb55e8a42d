using System.Text.Json;

namespace Grounded.Agents.Loop;

/// <summary>What a paused run waits on: a tool call that needs approval, or an answer whose grounding is below the agent's threshold.</summary>
/// <param name="Kind"><c>tool_call</c> or <c>answer</c>.</param>
/// <param name="Reason">Why it waits, in one sentence.</param>
public sealed record PendingApproval(string Kind, string Reason)
{
    /// <summary>The <see cref="Kind"/> of a tool call waiting for approval.</summary>
    public const string ToolCall = "tool_call";

    /// <summary>The <see cref="Kind"/> of a held answer.</summary>
    public const string HeldAnswer = "answer";

    /// <summary>Gets the model's id of the pending call (a <c>tool_call</c>).</summary>
    public string? CallId { get; init; }

    /// <summary>Gets the tool to be called (a <c>tool_call</c>).</summary>
    public string? Tool { get; init; }

    /// <summary>Gets the arguments it would be called with (a <c>tool_call</c>).</summary>
    public JsonElement? Arguments { get; init; }

    /// <summary>Gets the answer waiting to be released (an <c>answer</c>).</summary>
    public string? Answer { get; init; }

    /// <summary>Gets the answer's grounding confidence (an <c>answer</c>).</summary>
    public double? Confidence { get; init; }
}
