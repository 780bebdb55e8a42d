using System.Text;
using System.Text.Json.Nodes;

namespace Grounded.Testing.OpenApi;

/// <summary>Writes a JSON tree as block-style YAML (scalars as JSON literals, which YAML reads as the same values).</summary>
internal static class YamlText
{
    public static string From(JsonNode node)
    {
        var text = new StringBuilder();
        Write(node, text, 0);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    text.Append(pad).Append(JsonValue.Create(key).ToJsonString()).Append(':');
                    WriteChild(value, text, indent);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    text.Append(pad).Append('-');
                    WriteChild(item, text, indent);
                }

                break;
        }
    }

    private static void WriteChild(JsonNode? value, StringBuilder text, int indent)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            text.Append('\n');
            Write(value, text, indent + 2);
        }
        else
        {
            text.Append(' ').Append(value?.ToJsonString() ?? "null").Append('\n');
        }
    }
}
