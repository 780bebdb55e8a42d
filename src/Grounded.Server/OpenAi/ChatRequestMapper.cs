using System.Text.Json;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Cache;
using Grounded.Gateway.Providers;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>
/// Turns an OpenAI chat request into Microsoft.Extensions.AI messages and options, for every stage of the gateway to
/// read, plus the fields that must reach an OpenAI-compatible provider as they were sent (<see cref="OpenAiPassThrough"/>).
/// Nothing the client sent is dropped: a field is carried by the options, passed through, or refused.
/// </summary>
internal static class ChatRequestMapper
{
    // Carried exactly by ChatOptions (or consumed by the gateway itself).
    private static readonly HashSet<string> Native = ["model", "messages", "stream", "stream_options", "temperature", "top_p", "stop", "seed", "presence_penalty", "frequency_penalty", "cache"];

    // Carried by ChatOptions, but not exactly as sent: also passed through verbatim.
    private static readonly HashSet<string> Approximate = ["tools", "tool_choice", "response_format", "max_tokens", "max_completion_tokens", "parallel_tool_calls"];

    public static List<ChatMessage> Messages(List<WireMessage> wire)
    {
        var messages = new List<ChatMessage>(wire.Count);
        for (var i = 0; i < wire.Count; i++)
        {
            var at = $"messages[{i}]";
            var m = wire[i] ?? throw new InvalidRequestException($"{at} must be a message object, not null", at);
            var role = m.Role switch
            {
                "system" or "developer" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                "tool" => ChatRole.Tool,
                _ => throw new InvalidRequestException($"{at}.role '{m.Role}' is not one of system, developer, user, assistant, tool", $"{at}.role"),
            };
            var contents = ContentParts.Read(m.Content, $"{at}.content");
            var message = new ChatMessage { Role = role, AuthorName = m.Name };
            if (role == ChatRole.Tool)
            {
                var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
                message.Contents.Add(new FunctionResultContent(m.ToolCallId ?? throw new InvalidRequestException($"{at}.tool_call_id is required for a tool message", $"{at}.tool_call_id"), text));
            }
            else
            {
                foreach (var content in contents)
                {
                    message.Contents.Add(content);
                }
            }

            if (m.Refusal is { } refusal)
            {
                message.Contents.Add(new ErrorContent(refusal) { ErrorCode = "Refusal" });
            }

            var c = 0;
            foreach (var call in m.ToolCalls ?? [])
            {
                if (call is null)
                {
                    throw new InvalidRequestException($"{at}.tool_calls[{c}] must be a tool call object, not null", $"{at}.tool_calls[{c}]");
                }

                var arguments = call.Function?.Arguments ?? string.Empty;
                var name = call.Function?.Name ?? throw new InvalidRequestException($"{at}.tool_calls[{c}].function.name is required", $"{at}.tool_calls[{c}].function.name");
                message.Contents.Add(new FunctionCallContent(call.Id ?? string.Empty, name, ToolCallArguments.Parse(arguments)).WithText(arguments));
                c++;
            }

            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Returns the options a model call is made with; <paramref name="model"/> is the configured model's name.</summary>
    public static ChatOptions Options(ChatCompletionRequest r, JsonElement body, string model, int? maxTokens)
    {
        var options = new ChatOptions
        {
            ModelId = model,
            Temperature = (float?)r.Temperature,
            TopP = (float?)r.TopP,
            MaxOutputTokens = maxTokens,
            Seed = r.Seed,
            PresencePenalty = r.PresencePenalty,
            FrequencyPenalty = r.FrequencyPenalty,
            StopSequences = Stop(r.Stop),
            ResponseFormat = Format(r.ResponseFormat),
            AllowMultipleToolCalls = r.ParallelToolCalls,
        };
        if (r.Tools is { Count: > 0 })
        {
            options.Tools = r.Tools.Select(Tool).ToList();
            options.ToolMode = ToolMode(r.ToolChoice);
        }

        if (r.Cache == false)
        {
            (options.AdditionalProperties ??= [])[CacheKeys.NoCacheKey] = false;
        }

        return PassThrough(body) is { } passThrough ? passThrough.AttachTo(options) : options;
    }

    private static OpenAiPassThrough? PassThrough(JsonElement body)
    {
        Dictionary<string, JsonElement>? fields = null;
        var unmapped = new List<string>();
        foreach (var property in body.EnumerateObject())
        {
            if (Native.Contains(property.Name) || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (!IsFieldName(property.Name))
            {
                throw new InvalidRequestException($"unknown field '{property.Name}'", property.Name);
            }

            (fields ??= new(StringComparer.Ordinal))[property.Name] = property.Value.Clone();
            if (!Approximate.Contains(property.Name))
            {
                unmapped.Add(property.Name);
            }
        }

        return fields is null ? null : new OpenAiPassThrough(fields, unmapped);
    }

    private static bool IsFieldName(string name) => name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);

    private static ChatToolMode? ToolMode(JsonElement? choice) => choice switch
    {
        { ValueKind: JsonValueKind.String } c => c.GetString() switch
        {
            "none" => ChatToolMode.None,
            "required" => ChatToolMode.RequireAny,
            "auto" => ChatToolMode.Auto,
            var other => throw new InvalidRequestException($"tool_choice '{other}' is not one of none, auto, required, or a function", "tool_choice"),
        },
        { ValueKind: JsonValueKind.Object } o when o.TryGetProperty("function", out var f) && f.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String =>
            ChatToolMode.RequireSpecific(n.GetString()!),
        { ValueKind: JsonValueKind.Object } => ChatToolMode.RequireAny, // other forms (allowed_tools) reach OpenAI-compatible providers verbatim
        _ => null,
    };

    private static List<string>? Stop(JsonElement? stop) => stop switch
    {
        { ValueKind: JsonValueKind.String } s => [s.GetString()!],
        { ValueKind: JsonValueKind.Array } a when a.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => a.EnumerateArray().Select(e => e.GetString()!).ToList(),
        null or { ValueKind: JsonValueKind.Null } => null,
        _ => throw new InvalidRequestException("stop must be a string or an array of strings", "stop"),
    };

    private static ChatResponseFormat? Format(JsonElement? format)
    {
        if (format is not { ValueKind: JsonValueKind.Object } f || !f.TryGetProperty("type", out var type))
        {
            return format is null or { ValueKind: JsonValueKind.Null } ? null : throw new InvalidRequestException("response_format must be an object with a type", "response_format");
        }

        return (type.ValueKind == JsonValueKind.String ? type.GetString() : type.GetRawText()) switch
        {
            "json_object" => ChatResponseFormat.Json,
            "json_schema" when f.TryGetProperty("json_schema", out var js) && js.ValueKind == JsonValueKind.Object && js.TryGetProperty("schema", out var schema) =>
                ChatResponseFormat.ForJsonSchema(schema.Clone(), Text(js, "name"), Text(js, "description")),
            "json_schema" => throw new InvalidRequestException("response_format.json_schema.schema is required", "response_format.json_schema"),
            "text" => ChatResponseFormat.Text,
            var other => throw new InvalidRequestException($"response_format type '{other}' is not one of text, json_object, json_schema", "response_format.type"),
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static AITool Tool(WireTool? tool, int i)
    {
        if (tool?.Type != "function" || tool.Function?.Name is not { Length: > 0 } name)
        {
            throw new InvalidRequestException($"tools[{i}] must be a function with a name (type 'function')", $"tools[{i}]");
        }

        var parameters = tool.Function.Parameters is { ValueKind: JsonValueKind.Object } p ? p.Clone() : EmptySchema;
        return new WireFunctionDeclaration(name, tool.Function.Description, parameters, tool.Function.Strict);
    }

    private static readonly JsonElement EmptySchema = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();
}
