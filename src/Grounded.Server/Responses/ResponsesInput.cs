using System.Text.Json;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Providers;
using Grounded.Server.OpenAi;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Responses;

/// <summary>A Responses API <c>input</c>: a string, or a list of messages (text, images, files), function calls and function call outputs.</summary>
internal static class ResponsesInput
{
    public static List<ChatMessage> Read(JsonElement input)
    {
        switch (input.ValueKind)
        {
            case JsonValueKind.String:
                return [new ChatMessage(ChatRole.User, input.GetString())];
            case JsonValueKind.Array when input.GetArrayLength() > ChatRequestValidator.MaxMessages:
                throw new InvalidRequestException($"input holds {input.GetArrayLength()} items; the limit is {ChatRequestValidator.MaxMessages} per request", "input");
            case JsonValueKind.Array:
                var messages = new List<ChatMessage>();
                var i = 0;
                foreach (var item in input.EnumerateArray())
                {
                    Add(messages, item, $"input[{i++}]");
                }

                return messages.Count > 0 ? messages : throw new InvalidRequestException("input must not be empty", "input");
            default:
                throw new InvalidRequestException("input is required: a string or an array of input items", "input");
        }
    }

    private static void Add(List<ChatMessage> messages, JsonElement item, string at)
    {
        var type = ResponsesRequestReader.Text(item, "type") ?? (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("role", out _) ? "message" : null);
        switch (type)
        {
            case "message":
                messages.Add(Message(item, at));
                break;
            case "function_call":
                var arguments = ResponsesRequestReader.Text(item, "arguments") ?? string.Empty;
                var call = new FunctionCallContent(Required(item, "call_id", at), Required(item, "name", at), ToolCallArguments.Parse(arguments)).WithText(arguments);
                Append(messages, ChatRole.Assistant, call);
                break;
            case "function_call_output":
                var output = item.TryGetProperty("output", out var o) ? (o.ValueKind == JsonValueKind.String ? o.GetString() : o.GetRawText()) : string.Empty;
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(Required(item, "call_id", at), output)]));
                break;
            default:
                throw new InvalidRequestException($"{at}: input items of type '{type}' are not supported (supported: message, function_call, function_call_output)", $"{at}.type");
        }
    }

    private static ChatMessage Message(JsonElement item, string at)
    {
        var role = ResponsesRequestReader.Text(item, "role") switch
        {
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            "system" or "developer" => ChatRole.System,
            var other => throw new InvalidRequestException($"{at}.role '{other}' is not one of user, assistant, system, developer", $"{at}.role"),
        };
        var content = item.TryGetProperty("content", out var c) ? c : default;
        if (content.ValueKind == JsonValueKind.String)
        {
            return new ChatMessage(role, content.GetString());
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidRequestException($"{at}.content must be a string or an array of content parts", $"{at}.content");
        }

        var contents = new List<AIContent>();
        var j = 0;
        foreach (var part in content.EnumerateArray())
        {
            contents.Add(Part(part, $"{at}.content[{j++}]"));
        }

        return new ChatMessage(role, contents);
    }

    private static AIContent Part(JsonElement part, string at)
    {
        var type = ResponsesRequestReader.Text(part, "type");
        switch (type)
        {
            case "input_text" or "output_text" or "text":
                return new TextContent(Required(part, "text", at));
            case "refusal":
                return new ErrorContent(Required(part, "refusal", at)) { ErrorCode = "Refusal" };
            case "input_image":
                return ContentParts.Image(Required(part, "image_url", at), ResponsesRequestReader.Text(part, "detail"), $"{at}.image_url");
            case "input_file" when ResponsesRequestReader.Text(part, "file_id") is { } id:
                return new HostedFileContent(id) { Name = ResponsesRequestReader.Text(part, "filename") };
            case "input_file":
                return ContentParts.FileData(Required(part, "file_data", at), ResponsesRequestReader.Text(part, "filename"), $"{at}.file_data");
            default:
                throw new InvalidRequestException($"{at}: content parts of type '{type}' are not supported (supported: input_text, input_image, input_file, output_text, refusal)", $"{at}.type");
        }
    }

    private static void Append(List<ChatMessage> messages, ChatRole role, AIContent content)
    {
        if (messages.Count > 0 && messages[^1].Role == role && role == ChatRole.Assistant)
        {
            messages[^1].Contents.Add(content); // parallel calls of one turn belong to one assistant message
        }
        else
        {
            messages.Add(new ChatMessage(role, [content]));
        }
    }

    private static string Required(JsonElement element, string name, string at) =>
        ResponsesRequestReader.Text(element, name) ?? throw new InvalidRequestException($"{at}.{name} must be a string", $"{at}.{name}");
}
