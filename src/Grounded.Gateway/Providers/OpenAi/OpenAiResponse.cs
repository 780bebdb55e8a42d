using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Grounded.Gateway.Providers.OpenAi;

/// <summary>Copies from the SDK's completion what Microsoft.Extensions.AI leaves out: exact tool-call arguments, log probabilities, the system fingerprint and service tier.</summary>
internal static class OpenAiResponse
{
    public static void Enrich(ChatResponse response)
    {
        if (response.RawRepresentation is not ChatCompletion completion)
        {
            return;
        }

        var properties = response.AdditionalProperties ??= [];
#pragma warning disable OPENAI001 // the service tier is experimental in the SDK; it is reported as a string only
        Add(properties, completion.SystemFingerprint, completion.ServiceTier?.ToString(), completion.ContentTokenLogProbabilities);
#pragma warning restore OPENAI001
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            if (call.RawRepresentation is ChatToolCall raw)
            {
                call.WithText(raw.FunctionArguments.ToString());
            }
        }
    }

    public static void Add(AdditionalPropertiesDictionary properties, string? fingerprint, string? tier, IReadOnlyList<ChatTokenLogProbabilityDetails>? logprobs)
    {
        if (fingerprint is not null)
        {
            properties[ResponseFields.SystemFingerprint] = fingerprint;
        }

        if (tier is not null)
        {
            properties[ResponseFields.ServiceTier] = tier;
        }

        if (logprobs is { Count: > 0 })
        {
            properties[ResponseFields.LogProbabilities] = LogProbabilities(logprobs);
        }
    }

    // {"content": [...], "refusal": null} as OpenAI sends it, each entry as the SDK read it.
    private static JsonElement LogProbabilities(IReadOnlyList<ChatTokenLogProbabilityDetails> entries)
    {
        var json = new StringBuilder("{\"content\":[");
        for (var i = 0; i < entries.Count; i++)
        {
            json.Append(i > 0 ? "," : string.Empty).Append(ModelReaderWriter.Write(entries[i]).ToString());
        }

        using var document = JsonDocument.Parse(json.Append("],\"refusal\":null}").ToString());
        return document.RootElement.Clone();
    }
}
