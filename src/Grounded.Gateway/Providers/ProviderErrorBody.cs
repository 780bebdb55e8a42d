using System.Text.Json;

namespace Grounded.Gateway.Providers;

/// <summary>Reads an error body as OpenAI (<c>{"error": {"message", "type", "code", "param"}}</c>) and Anthropic (<c>{"type": "error", "error": {"type", "message"}}</c>) send it.</summary>
internal static class ProviderErrorBody
{
    public static ProviderErrorException Parse(int status, string? body, string fallbackMessage, string? retryAfter, Exception? inner)
    {
        string? message = null, type = null, code = null, param = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(body) && JsonDocument.Parse(body).RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    (message, type, code, param) = (Text(error, "message"), Text(error, "type"), Text(error, "code"), Text(error, "param"));
                }
                else if (error.ValueKind == JsonValueKind.String)
                {
                    message = error.GetString(); // some OpenAI-compatible servers send {"error": "text"}
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the SDK's message stands.
        }

        return new ProviderErrorException(status, message ?? Shorten(body) ?? fallbackMessage, inner) { Type = type, Code = code, Param = param, RetryAfter = retryAfter };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static string? Shorten(string? body) =>
        string.IsNullOrWhiteSpace(body) || body.TrimStart().StartsWith('<') ? null : body.Length > 500 ? body[..500] : body.Trim();
}
