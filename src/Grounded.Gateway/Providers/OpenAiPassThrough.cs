using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Providers;

/// <summary>
/// The request fields an OpenAI-style client sent, as sent, for the fields <see cref="ChatOptions"/> cannot carry
/// exactly (a tool's schema and <c>strict</c>, <c>response_format</c>'s description and <c>strict</c>, <c>max_tokens</c>
/// as opposed to <c>max_completion_tokens</c>) or not at all (<c>n</c>, <c>logprobs</c>, <c>user</c>, <c>metadata</c>,
/// <c>logit_bias</c>, <c>service_tier</c>, and fields this version does not know). An OpenAI-compatible provider sends
/// them verbatim; another provider honours what it can and refuses the rest with a 400, so that nothing is dropped
/// silently. A middleware that rewrites tools or the response format must remove the matching field here.
/// </summary>
public sealed class OpenAiPassThrough
{
    /// <summary>The key under which the fields travel in <see cref="ChatOptions.AdditionalProperties"/>.</summary>
    public const string OptionsKey = "grounded.openai";

    /// <summary>Creates the set.</summary>
    /// <param name="fields">The fields as the client sent them, by name.</param>
    /// <param name="unmapped">The names among <paramref name="fields"/> that <see cref="ChatOptions"/> does not express at all.</param>
    public OpenAiPassThrough(IReadOnlyDictionary<string, JsonElement> fields, IReadOnlyCollection<string> unmapped)
    {
        Fields = fields;
        Unmapped = unmapped;
    }

    /// <summary>Gets the fields as the client sent them, by name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Fields { get; }

    /// <summary>Gets the names of the fields <see cref="ChatOptions"/> does not express: a provider that cannot send them verbatim must honour or refuse them.</summary>
    public IReadOnlyCollection<string> Unmapped { get; }

    /// <summary>Returns the set attached to <paramref name="options"/>, or null.</summary>
    public static OpenAiPassThrough? Of(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(OptionsKey, out var value) == true ? value as OpenAiPassThrough : null;

    /// <summary>Attaches the set to <paramref name="options"/> and returns them.</summary>
    public ChatOptions AttachTo(ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        (options.AdditionalProperties ??= [])[OptionsKey] = this;
        return options;
    }
}
