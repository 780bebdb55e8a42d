using System.Text.Json;

namespace Grounded.Hosting.Mcp;

/// <summary>What one newline-delimited JSON-RPC message is, as far as answering every request before exiting needs to know.</summary>
internal enum JsonRpcLine
{
    Other,
    Request,
    Response,
    Cancellation,
}

/// <summary>Tells requests (method and id), responses (id, no method) and cancellations apart; a line that is not JSON is <see cref="JsonRpcLine.Other"/>.</summary>
internal static class JsonRpcLines
{
    public static JsonRpcLine Classify(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return JsonRpcLine.Other;
            }

            var hasId = root.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number;
            if (!root.TryGetProperty("method", out var method))
            {
                return hasId ? JsonRpcLine.Response : JsonRpcLine.Other;
            }

            // A cancelled request gets no response: its cancellation stands for one.
            return hasId ? JsonRpcLine.Request : method.ValueEquals("notifications/cancelled") ? JsonRpcLine.Cancellation : JsonRpcLine.Other;
        }
        catch (JsonException)
        {
            return JsonRpcLine.Other;
        }
    }
}
