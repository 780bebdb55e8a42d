using System.Text.Json;
using Grounded.Gateway.Failures;

namespace Grounded.Hosting.Mcp;

/// <summary>Reads a tool call's arguments: a required text and an optional <c>top_k</c>, each checked with a message that names it.</summary>
internal static class McpArguments
{
    /// <summary>The most passages one call returns: enough evidence for a client's model, short enough for its context.</summary>
    public const int MaxTopK = 20;

    public static string Text(IDictionary<string, JsonElement>? arguments, string name) =>
        arguments is not null && arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new InvalidRequestException($"{name} is required: a non-empty string", name);

    public static int? TopK(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null || !arguments.TryGetValue("top_k", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var topK) && topK is >= 1 and <= MaxTopK
            ? topK
            : throw new InvalidRequestException($"top_k must be an integer from 1 to {MaxTopK} (got {value.GetRawText()})", "top_k");
    }

    /// <summary>Returns the input schema of a tool taking <paramref name="text"/> (required) and <c>top_k</c>.</summary>
    public static JsonElement Schema(string text, string description) => JsonSerializer.SerializeToElement(new Dictionary<string, object>
    {
        ["type"] = "object",
        ["properties"] = new Dictionary<string, object>
        {
            [text] = new { type = "string", description },
            ["top_k"] = new { type = "integer", minimum = 1, maximum = MaxTopK, description = "How many passages to retrieve (default: the server's configured top-k)." },
        },
        ["required"] = new[] { text },
        ["additionalProperties"] = false,
    });
}
