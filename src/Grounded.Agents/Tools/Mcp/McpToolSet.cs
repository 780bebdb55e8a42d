using Grounded.Agents.Definitions;

namespace Grounded.Agents.Tools.Mcp;

// Placeholder until MCP tools land (same issue).
public sealed class McpToolSet : IAsyncDisposable
{
    public IReadOnlyList<AgentTool> Tools { get; } = [];

    public static Task<McpToolSet> ConnectAsync(McpToolSpec spec, ToolEnvironment environment, CancellationToken ct) => throw new ToolLoadException("MCP tools are not built yet");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
