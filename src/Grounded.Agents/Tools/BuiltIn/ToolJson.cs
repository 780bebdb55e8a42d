using System.Text.Encodings.Web;
using System.Text.Json;

namespace Grounded.Agents.Tools;

/// <summary>How the built-in tools write structured results: snake_case JSON that keeps text readable, without null fields.</summary>
internal static class ToolJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
