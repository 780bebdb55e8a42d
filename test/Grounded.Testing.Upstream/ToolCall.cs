namespace Grounded.Testing.Upstream;

/// <summary>One tool call of a <see cref="Step.ToolCalls"/> reply; <paramref name="Arguments"/> is sent as written, valid JSON or not.</summary>
public sealed record ToolCall(string Name, string Arguments, string? Id = null);
