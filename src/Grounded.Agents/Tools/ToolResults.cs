using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools;

// Placeholder until result capping lands (same issue).
internal static class ToolResults
{
    public static string ToText(object? result) => result switch
    {
        null => string.Empty,
        string s => s,
        JsonElement e => e.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };

    public static (string Text, bool Truncated, int Bytes) Cap(string text, int maxChars) =>
        (text.Length > maxChars ? text[..maxChars] : text, text.Length > maxChars, System.Text.Encoding.UTF8.GetByteCount(text));
}
