using System.Text.Json;
using Anthropic.Models.Messages;
using Grounded.Gateway.Config;
using Grounded.Gateway.Failures;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Providers.Anthropic;

/// <summary>What of an OpenAI-shaped request Anthropic can take: the fields it cannot honour are refused with a 400, never dropped.</summary>
internal static class AnthropicRequest
{
    public static IList<ChatMessage> Check(IEnumerable<ChatMessage> messages, string model)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        foreach (var content in list.SelectMany(m => m.Contents))
        {
            if (content is FunctionCallContent call && call.Arguments is null && ToolCallArguments.Raw(call) is { } text && ToolCallArguments.Parse(text) is null)
            {
                throw new InvalidRequestException(
                    $"model '{model}' (anthropic) takes tool-call arguments only as a JSON object; the call '{call.CallId}' has '{Shorten(text)}'", "messages");
            }

            if (Unsupported(content) is { } kind)
            {
                throw new InvalidRequestException($"model '{model}' (anthropic) cannot take {kind}; send text, images, PDF or text files", "messages");
            }
        }

        return list;
    }

    // What Anthropic's Messages API (through its SDK's client) takes: text, images, PDF and text documents, tool calls and results.
    private static string? Unsupported(AIContent content) => content switch
    {
        DataContent d when d.HasTopLevelMediaType("image") || d.HasTopLevelMediaType("text") || d.MediaType == "application/pdf" => null,
        DataContent d => $"content of type {d.MediaType}",
        UriContent u when u.HasTopLevelMediaType("image") => null,
        UriContent u => $"a link to {u.MediaType} content",
        HostedFileContent => "files by id",
        _ => null,
    };

    public static ChatOptions? Options(ChatOptions? options, ModelOptions model)
    {
        if (OpenAiPassThrough.Of(options) is not { } passThrough)
        {
            return options;
        }

        if (passThrough.Fields.TryGetValue("tool_choice", out var choice) && choice.ValueKind == JsonValueKind.Object
            && choice.TryGetProperty("type", out var type) && type.GetString() is { } kind && kind != "function")
        {
            throw new InvalidRequestException($"model '{model.Name}' (anthropic) cannot honour tool_choice of type '{kind}'; name one function, or use auto, none or required", "tool_choice");
        }

        string? user = null;
        foreach (var name in passThrough.Unmapped)
        {
            var value = passThrough.Fields[name];
            switch (name)
            {
                case "user" when value.ValueKind == JsonValueKind.String:
                    user = value.GetString();
                    break;
                case "n" when value.ValueKind == JsonValueKind.Number && value.GetDouble() == 1:
                case "logprobs" when value.ValueKind is JsonValueKind.False or JsonValueKind.Null:
                case "service_tier" when value.ValueKind == JsonValueKind.String && value.GetString() is "auto" or "default":
                    break; // the default either way
                default:
                    throw new InvalidRequestException($"model '{model.Name}' (anthropic) cannot honour '{name}'; leave it out or use an OpenAI-compatible model", name);
            }
        }

        if (user is null)
        {
            return options;
        }

        var prepared = options!.Clone();
        var factory = options.RawRepresentationFactory;
        prepared.RawRepresentationFactory = client => (factory?.Invoke(client) as MessageCreateParams ?? new MessageCreateParams
        {
            MaxTokens = options.MaxOutputTokens ?? model.MaxOutputTokens,
            Messages = [],
            Model = options.ModelId ?? model.ProviderModel,
        }) with { Metadata = new Metadata { UserID = user } };
        return prepared;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
