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
        foreach (var call in list.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            if (call.Arguments is null && ToolCallArguments.Raw(call) is { } text && ToolCallArguments.Parse(text) is null)
            {
                throw new InvalidRequestException(
                    $"model '{model}' (anthropic) takes tool-call arguments only as a JSON object; the call '{call.CallId}' has '{Shorten(text)}'", "messages");
            }
        }

        return list;
    }

    public static ChatOptions? Options(ChatOptions? options, ModelOptions model)
    {
        if (OpenAiPassThrough.Of(options) is not { } passThrough)
        {
            return options;
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
