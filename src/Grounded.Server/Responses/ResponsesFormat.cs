using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Gateway.Failures;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Responses;

/// <summary>A Responses request's <c>text.format</c> (text, json_object, json_schema) as chat options and as the chat-completions <c>response_format</c>.</summary>
internal static class ResponsesFormat
{
    public static void Read(JsonElement body, ChatOptions options, Dictionary<string, JsonElement> fields)
    {
        if (!body.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.Object || !text.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (ResponsesRequestReader.Text(format, "type"))
        {
            case "text":
                options.ResponseFormat = ChatResponseFormat.Text;
                break;
            case "json_object":
                options.ResponseFormat = ChatResponseFormat.Json;
                fields["response_format"] = ResponsesTools.Element(new JsonObject { ["type"] = "json_object" });
                break;
            case "json_schema" when format.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object:
                var name = ResponsesRequestReader.Text(format, "name");
                var description = ResponsesRequestReader.Text(format, "description");
                options.ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.Clone(), name, description);
                var jsonSchema = new JsonObject { ["name"] = name ?? "response", ["schema"] = JsonNode.Parse(schema.GetRawText()) };
                if (description is not null)
                {
                    jsonSchema["description"] = description;
                }

                if (format.TryGetProperty("strict", out var strict) && strict.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    jsonSchema["strict"] = strict.GetBoolean();
                }

                fields["response_format"] = ResponsesTools.Element(new JsonObject { ["type"] = "json_schema", ["json_schema"] = jsonSchema });
                break;
            case var other:
                throw new InvalidRequestException($"text.format type '{other}' is not one of text, json_object, json_schema (with a schema)", "text.format");
        }
    }
}
