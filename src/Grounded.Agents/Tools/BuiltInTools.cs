using Grounded.Agents.Definitions;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools;

/// <summary>The tools every agent may name without further setup: <c>search_documents</c>, <c>get_document</c>, <c>calculate</c>, <c>http_get</c>.</summary>
internal static class BuiltInTools
{
    /// <summary>Gets the built-in tools' names.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [SearchDocumentsTool.ToolName, GetDocumentTool.ToolName, CalculateTool.ToolName, HttpGetTool.ToolName];

    /// <summary>Returns the built-in tool <paramref name="spec"/> names, with its rules; throws <see cref="ToolLoadException"/> for an unknown name.</summary>
    public static AgentTool Create(BuiltInToolSpec spec, ToolEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        AIFunction function = spec.Name switch
        {
            SearchDocumentsTool.ToolName => new SearchDocumentsTool(environment),
            GetDocumentTool.ToolName => new GetDocumentTool(environment),
            CalculateTool.ToolName => new CalculateTool(),
            HttpGetTool.ToolName => new HttpGetTool(spec, environment),
            _ => throw new ToolLoadException(
                $"unknown built-in tool '{spec.Name}'{(spec.Line > 0 ? $" (line {spec.Line})" : string.Empty)}; the built-in tools are {string.Join(", ", Names)}."),
        };
        return new AgentTool(function)
        {
            RequiresApproval = spec.RequiresApproval,
            Timeout = spec.Timeout,
            UsdPerCall = spec.UsdPerCall,
            Source = "builtin",
        };
    }
}
