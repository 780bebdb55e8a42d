using Grounded.Agents.Tools;

namespace Grounded.Agents.Definitions;

/// <summary>
/// Checks an agent and its tools for what makes models call tools badly: too many tools or parameters, duplicate or ambiguous
/// names, names that are not verb_noun, missing descriptions, free-form strings that should be enums, deeply nested schemas.
/// </summary>
public static class AgentLinter
{
    /// <summary>Returns the findings for <paramref name="definition"/> offering <paramref name="tools"/>: agent-wide first, then tool by tool.</summary>
    public static IReadOnlyList<LintFinding> Lint(AgentDefinition definition, IReadOnlyList<AgentTool> tools)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(tools);
        var findings = new List<LintFinding>();
        if (string.IsNullOrWhiteSpace(definition.Instructions) && definition.InstructionsPrompt is null)
        {
            findings.Add(new(LintRules.Warning, LintRules.MissingInstructions, null,
                "the agent has no instructions: add instructions: saying what it is for, which tools to use when, and how to answer"));
        }

        if (tools.Count > LintRules.MostTools)
        {
            findings.Add(new(LintRules.Warning, LintRules.TooManyTools, null,
                $"the agent offers {tools.Count} tools; models choose worse past {LintRules.MostTools}: drop rarely used ones or split the work between specialists (workflow:)"));
        }

        var lines = new ToolLines(definition.Tools);
        findings.AddRange(ToolNameRules.Duplicates(definition.Tools, tools, lines));
        findings.AddRange(ToolNameRules.Ambiguous(tools, lines));
        foreach (var tool in tools)
        {
            var line = lines.Of(tool);
            findings.AddRange(ToolNameRules.Style(tool).Select(f => f with { Line = line }));
            findings.AddRange(ToolSchemaRules.Check(tool).Select(f => f with { Line = line }));
        }

        return findings;
    }
}
