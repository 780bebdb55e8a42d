using Grounded.Agents.Tools;

namespace Grounded.Agents.Definitions;

// Placeholder until the linter lands (same issue).
public static class AgentLinter
{
    public static IReadOnlyList<LintFinding> Lint(AgentDefinition definition, IReadOnlyList<AgentTool> tools) => [];
}

public sealed record LintFinding(string Severity, string Rule, string? Tool, string Message)
{
    public int Line { get; init; }
}
