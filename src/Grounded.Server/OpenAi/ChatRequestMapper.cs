using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>Turns OpenAI wire messages and parameters into Microsoft.Extensions.AI messages and options, rejecting what cannot be passed on.</summary>
internal static class ChatRequestMapper
{
    public static List<ChatMessage> Messages(List<WireMessage> wire)
    {
        var messages = new List<ChatMessage>(wire.Count);
        for (var i = 0; i < wire.Count; i++)
        {
            var m = wire[i];
            var role = m.Role switch
            {
                "system" or "developer" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                "tool" => ChatRole.Tool,
                _ => throw new RequestException(OpenAiError.Invalid($"messages[{i}].role '{m.Role}' is not one of system, developer, user, assistant, tool", $"messages[{i}].role")),
            };
            var text = Text(m.Content, i);
            var message = new ChatMessage { Role = role, AuthorName = m.Name };
            if (role == ChatRole.Tool)
            {
                message.Contents.Add(new FunctionResultContent(m.ToolCallId ?? string.Empty, text));
            }
            else if (text is not null)
            {
                message.Contents.Add(new TextContent(text));
            }

            foreach (var call in m.ToolCalls ?? [])
            {
                message.Contents.Add(new FunctionCallContent(call.Id ?? string.Empty, call.Function?.Name ?? string.Empty, Arguments(call.Function?.Arguments)));
            }

            messages.Add(message);
        }

        return messages;
    }

    public static ChatOptions Options(ChatCompletionRequest r, string providerModel, int? maxTokens)
    {
        var options = new ChatOptions
        {
            ModelId = providerModel,
            Temperature = (float?)r.Temperature,
            TopP = (float?)r.TopP,
            MaxOutputTokens = maxTokens,
            Seed = r.Seed,
            PresencePenalty = r.PresencePenalty,
            FrequencyPenalty = r.FrequencyPenalty,
            StopSequences = Stop(r.Stop),
            ResponseFormat = Format(r.ResponseFormat),
        };
        if (r.Tools is { Count: > 0 })
        {
            options.Tools = r.Tools.Select(Tool).ToList();
            options.ToolMode = r.ToolChoice is { ValueKind: JsonValueKind.String } c ? c.GetString() switch
            {
                "none" => ChatToolMode.None,
                "required" => ChatToolMode.RequireAny,
                _ => ChatToolMode.Auto,
            } : r.ToolChoice is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("function", out var f) && f.TryGetProperty("name", out var n)
                ? ChatToolMode.RequireSpecific(n.GetString()!) : null;
        }

        return options;
    }

    private static string? Text(JsonElement? content, int i) => content switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => throw new RequestException(OpenAiError.Invalid($"messages[{i}].content must be a string or an array of parts", $"messages[{i}].content")),
    };

    private static Dictionary<string, object?>? Arguments(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, object?>>(json);
        }
        catch (JsonException)
        {
            throw new RequestException(OpenAiError.Invalid("a tool call's arguments are not a JSON object", "messages.tool_calls.function.arguments"));
        }
    }

    private static List<string>? Stop(JsonElement? stop) => stop switch
    {
        { ValueKind: JsonValueKind.String } s => [s.GetString()!],
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList(),
        null or { ValueKind: JsonValueKind.Null } => null,
        _ => throw new RequestException(OpenAiError.Invalid("stop must be a string or an array of strings", "stop")),
    };

    private static ChatResponseFormat? Format(JsonElement? format)
    {
        if (format is not { ValueKind: JsonValueKind.Object } f || !f.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.GetString() switch
        {
            "json_object" => ChatResponseFormat.Json,
            "json_schema" when f.TryGetProperty("json_schema", out var js) && js.TryGetProperty("schema", out var schema) =>
                ChatResponseFormat.ForJsonSchema(schema, js.TryGetProperty("name", out var name) ? name.GetString() : null),
            "text" => ChatResponseFormat.Text,
            var other => throw new RequestException(OpenAiError.Invalid($"response_format type '{other}' is not supported", "response_format")),
        };
    }

    private static AITool Tool(WireTool tool, int i)
    {
        if (tool.Type != "function" || tool.Function?.Name is not { Length: > 0 } name)
        {
            throw new RequestException(OpenAiError.Invalid($"tools[{i}] must be a function with a name", $"tools[{i}]"));
        }

        var parameters = tool.Function.Parameters ?? JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}").RootElement;
        return AIFunctionFactory.CreateDeclaration(name, tool.Function.Description, parameters);
    }
}
