using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grounded.Gateway.Context;
using Grounded.Gateway.Providers;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Cache;

/// <summary>
/// What makes two requests the same for the caches: the tenant, the model (or route) asked for, the prompt version,
/// the messages and every parameter that changes the answer. The exact key hashes all of it; the semantic cache hashes
/// all of it but the last user message (its scope), and compares that message by meaning.
/// </summary>
public static class CacheKeys
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key of a request's <c>cache: false</c>.</summary>
    public const string NoCacheKey = "grounded.cache";

    /// <summary>
    /// The <see cref="ChatOptions.AdditionalProperties"/> key of the text the semantic cache compares, set by a caller whose
    /// prompt wraps a question in more (an answer prompt: the question); the rest of the prompt then belongs to the scope.
    /// </summary>
    public const string TextKey = Answers.AnswerCacheHints.TextKey;

    /// <summary>
    /// The <see cref="ChatOptions.AdditionalProperties"/> key of what the rest of such a prompt was made from (an answer
    /// prompt: the ids and texts of its sources, hashed), which replaces the messages in the semantic scope: a changed
    /// source changes the scope, so an answer built on the old text is never served again.
    /// </summary>
    public const string ScopeKey = Answers.AnswerCacheHints.ScopeKey;

    // Fields that name who asks rather than what is asked: not part of any key.
    private static readonly HashSet<string> Unkeyed = ["user", "metadata", "store", "service_tier"];

    /// <summary>Returns why a request is not served from (or stored in) the caches, or null when it may be.</summary>
    public static string? BypassReason(ChatOptions? options, CacheOptions cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (options?.AdditionalProperties?.TryGetValue(NoCacheKey, out var flag) == true && flag is false)
        {
            return "the request said cache: false";
        }

        if (options?.ConversationId is not null)
        {
            return "the request continues a provider-side conversation";
        }

        if (OpenAiPassThrough.Of(options) is { } fields && (fields.Fields.ContainsKey("logprobs") || fields.Fields.ContainsKey("top_logprobs") || fields.Fields.ContainsKey("n")))
        {
            return "the request asks for what a cached answer does not keep (logprobs)";
        }

        return !cache.Sampled && options?.Temperature is not 0f ? "the request samples above temperature 0" : null;
    }

    /// <summary>Returns the exact key of a request.</summary>
    public static string Exact(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        "exact:v1:" + Hash(Canonical(messages, options, Keep.All));

    /// <summary>Returns the semantic scope of a request: everything but the compared text, hashed.</summary>
    public static string Scope(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        "scope:v1:" + Hash(Canonical(messages, options, options?.AdditionalProperties?.ContainsKey(TextKey) == true ? Keep.None : Keep.AllButLastUser));

    /// <summary>Returns the text the semantic cache compares, as written: the caller's hint, else the last user message's text.</summary>
    public static (string Text, bool FromHint) SemanticText(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(TextKey, out var hint) == true && hint is string text)
        {
            return (text.Trim(), true);
        }

        var last = messages.LastOrDefault(m => m.Role == ChatRole.User);
        return ((last?.Text ?? string.Empty).Trim(), false);
    }

    private enum Keep
    {
        All,
        AllButLastUser,
        None,
    }

    private static string Canonical(IEnumerable<ChatMessage> messages, ChatOptions? options, Keep keep)
    {
        var context = GatewayContext.Of(options);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("tenant", context?.Tenant ?? Access.Tenants.Default);
            json.WriteString("model", options?.ModelId);
            json.WriteString("prompt", context?.PromptId);
            json.WriteString("scope", options?.AdditionalProperties?.TryGetValue(ScopeKey, out var scope) == true ? scope as string : null);
            json.WriteStartArray("messages");
            var list = keep == Keep.None ? [] : messages as IList<ChatMessage> ?? messages.ToList();
            var lastUser = keep == Keep.AllButLastUser ? LastIndex(list, m => m.Role == ChatRole.User) : -1;
            for (var i = 0; i < list.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("role", list[i].Role.Value);
                json.WriteString("name", list[i].AuthorName);
                if (i != lastUser)
                {
                    json.WritePropertyName("contents");
                    JsonSerializer.Serialize(json, list[i].Contents.Where(c => c is not UsageContent).ToList(), AIJsonUtilities.DefaultOptions);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteOptions(json, options);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteOptions(Utf8JsonWriter json, ChatOptions? options)
    {
        if (options is null)
        {
            return;
        }

        json.WriteString("temperature", options.Temperature?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("top_p", options.TopP?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("top_k", options.TopK?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("max_output", options.MaxOutputTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("seed", options.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("presence", options.PresencePenalty?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("frequency", options.FrequencyPenalty?.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("stop", options.StopSequences is { } stop ? string.Join('\u0000', stop) : null);
        json.WriteString("format", options.ResponseFormat switch
        {
            null => null,
            ChatResponseFormatJson j => "json:" + j.Schema?.GetRawText(),
            _ => "text",
        });
        json.WriteString("tool_mode", options.ToolMode?.ToString());
        json.WriteStartArray("tools");
        foreach (var tool in options.Tools ?? [])
        {
            json.WriteStringValue(tool is AIFunctionDeclaration f ? $"{f.Name}\u0000{f.Description}\u0000{f.JsonSchema.GetRawText()}" : tool.Name);
        }

        json.WriteEndArray();
        json.WriteStartObject("fields");
        if (OpenAiPassThrough.Of(options) is { } passThrough)
        {
            foreach (var (name, value) in passThrough.Fields.Where(f => !Unkeyed.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                json.WritePropertyName(name);
                value.WriteTo(json);
            }
        }

        json.WriteEndObject();
    }

    private static int LastIndex(IList<ChatMessage> list, Func<ChatMessage, bool> match)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (match(list[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
