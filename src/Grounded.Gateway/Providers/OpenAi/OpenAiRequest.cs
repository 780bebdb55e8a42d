using System.Text;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Grounded.Gateway.Providers.OpenAi;

/// <summary>
/// Prepares a request for Microsoft.Extensions.AI's OpenAI client so that it goes out as the client sent it: fields in
/// <see cref="OpenAiPassThrough"/> are written verbatim into the request body (through the SDK's JSON patch), in place
/// of the SDK's own rendering of the same field, and assistant tool calls keep their exact argument text.
/// </summary>
internal static class OpenAiRequest
{
    public static ChatOptions? Options(ChatOptions? options)
    {
        if (OpenAiPassThrough.Of(options) is not { Fields.Count: > 0 } passThrough)
        {
            return options;
        }

        var fields = passThrough.Fields;
        var prepared = options!.Clone();
        if (fields.ContainsKey("tools"))
        {
            prepared.Tools = null; // the SDK would add additionalProperties: false and required: [] to each schema
        }

        if (fields.ContainsKey("response_format"))
        {
            prepared.ResponseFormat = null; // the SDK would drop the description and transform the schema
        }

        if (fields.ContainsKey("max_tokens") || fields.ContainsKey("max_completion_tokens"))
        {
            prepared.MaxOutputTokens = null; // the SDK always writes max_completion_tokens, which some servers reject
        }

        if (fields.ContainsKey("parallel_tool_calls"))
        {
            prepared.AllowMultipleToolCalls = null;
        }

        var factory = options.RawRepresentationFactory;
        prepared.RawRepresentationFactory = client =>
        {
            var raw = factory?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
#pragma warning disable SCME0001 // JsonPatch is experimental: it is the SDK's way to send fields as they are.
            foreach (var (name, value) in fields)
            {
                raw.Patch.Set(Encoding.UTF8.GetBytes("$." + name), BinaryData.FromString(value.GetRawText()));
            }
#pragma warning restore SCME0001
            return raw;
        };
        return prepared;
    }

    public static IEnumerable<ChatMessage> Messages(IEnumerable<ChatMessage> messages)
    {
        foreach (var message in messages)
        {
            yield return message.Role == ChatRole.Assistant && message.RawRepresentation is null
                && message.Contents.OfType<FunctionCallContent>().Any(c => ToolCallArguments.Raw(c) is not null)
                ? WithExactToolCalls(message)
                : message;
        }
    }

    // The SDK serializes a call's parsed arguments, which cannot hold text that is not a JSON object: build the
    // SDK's own message instead, which it sends as it is.
    private static ChatMessage WithExactToolCalls(ChatMessage message)
    {
        var calls = message.Contents.OfType<FunctionCallContent>()
            .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(ToolCallArguments.Text(c))))
            .ToList();
        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
        var raw = text.Length > 0 ? new AssistantChatMessage([ChatMessageContentPart.CreateTextPart(text)]) : new AssistantChatMessage(calls);
        if (text.Length > 0)
        {
            foreach (var call in calls)
            {
                raw.ToolCalls.Add(call);
            }
        }

        raw.ParticipantName = message.AuthorName;
        return new ChatMessage(message.Role, message.Contents) { AuthorName = message.AuthorName, RawRepresentation = raw };
    }
}
