namespace Grounded.Agents.Tools;

// Placeholder until the built-in tools land (same issue): the names the file reader accepts.
internal static class BuiltInTools
{
    public static IReadOnlyList<string> Names { get; } = ["search_documents", "get_document", "calculate", "http_get"];

    public static AgentTool Create(Definitions.BuiltInToolSpec spec, ToolEnvironment environment) => throw new ToolLoadException($"'{spec.Name}' is not built yet");
}
