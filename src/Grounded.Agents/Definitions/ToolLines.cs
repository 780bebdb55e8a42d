using Grounded.Agents.Tools;

namespace Grounded.Agents.Definitions;

/// <summary>
/// Finds the line of the agent file a tool came from: a built-in by its name, any other by the entry allowing it by name or, failing that, its source's only entry.
/// </summary>
internal sealed class ToolLines(IReadOnlyList<ToolSpec> specs)
{
    public int Of(AgentTool tool)
    {
        var spec = tool.Source switch
        {
            "builtin" => specs.OfType<BuiltInToolSpec>().FirstOrDefault(s => s.Name == tool.Name),
            "openapi" => specs.OfType<OpenApiToolSpec>().FirstOrDefault(s => s.Allow.Contains(tool.Name)) ?? Single(specs.OfType<OpenApiToolSpec>()),
            "mcp" => specs.OfType<McpToolSpec>().FirstOrDefault(s => s.Allow.Contains(tool.Name)) ?? Single(specs.OfType<McpToolSpec>()),
            _ => null,
        };
        return spec?.Line ?? 0;
    }

    private static ToolSpec? Single(IEnumerable<ToolSpec> candidates)
    {
        var list = candidates.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }
}
