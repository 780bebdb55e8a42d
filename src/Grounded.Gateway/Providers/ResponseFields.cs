namespace Grounded.Gateway.Providers;

/// <summary>
/// Keys of what a provider reported beyond text, tool calls and usage, kept in a response's (or update's)
/// <c>AdditionalProperties</c> so that the OpenAI wire format can send it on.
/// </summary>
public static class ResponseFields
{
    /// <summary>The backend configuration fingerprint (<c>system_fingerprint</c>), a string.</summary>
    public const string SystemFingerprint = "system_fingerprint";

    /// <summary>The token log probabilities (<c>choices[].logprobs</c>), a <see cref="System.Text.Json.JsonElement"/> object with <c>content</c>.</summary>
    public const string LogProbabilities = "logprobs";

    /// <summary>The service tier that served (<c>service_tier</c>), a string.</summary>
    public const string ServiceTier = "service_tier";
}
