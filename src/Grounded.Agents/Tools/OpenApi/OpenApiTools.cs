using Grounded.Agents.Definitions;

namespace Grounded.Agents.Tools.OpenApi;

// Placeholder until OpenAPI tools land (same issue).
internal static class OpenApiTools
{
    public static Task<IReadOnlyList<AgentTool>> LoadAsync(OpenApiToolSpec spec, ToolEnvironment environment, CancellationToken ct) => throw new ToolLoadException("OpenAPI tools are not built yet");
}
