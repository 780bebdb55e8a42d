namespace Grounded.Agents.Loop;

/// <summary>What one tool call gave the model: its (capped) result or error, and the sizes and time the trace shows.</summary>
/// <param name="Result">The text the model is shown.</param>
/// <param name="Error">What went wrong (the result then says so too), or null.</param>
/// <param name="ArgumentBytes">The size of the arguments.</param>
/// <param name="ResultBytes">The size of the whole result, before any cut.</param>
internal sealed record ToolCallOutcome(string Result, string? Error, int ArgumentBytes, int ResultBytes);
