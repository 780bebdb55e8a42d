using System.Text.Json;

namespace Grounded.Hosting.Mcp;

/// <summary>How the tools' structured content is written: camelCase, as the HTTP API writes its objects.</summary>
internal static class McpJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
