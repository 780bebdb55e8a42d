namespace Grounded.Agents.Definitions;

/// <summary>One thing <see cref="AgentLinter"/> found in an agent or its tools that makes models use it worse, and how to fix it.</summary>
/// <param name="Severity"><c>error</c> (the agent will misbehave) or <c>warning</c> (models will likely do worse).</param>
/// <param name="Rule">The rule's id in kebab-case, e.g. <c>too-many-parameters</c>.</param>
/// <param name="Tool">The tool the finding is about, or null for the agent itself.</param>
/// <param name="Message">What is wrong and what to do, in one line.</param>
public sealed record LintFinding(string Severity, string Rule, string? Tool, string Message)
{
    /// <summary>Gets the line of the agent file the finding points at (1-based; 0 when unknown).</summary>
    public int Line { get; init; }
}
