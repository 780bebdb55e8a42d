using System.Text.Json;

namespace Grounded.Server.OpenAi;

/// <summary>Writes server-sent events: <c>data: JSON</c> lines, flushed one by one.</summary>
internal static class SseWriter
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static void Start(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    public static async Task WriteAsync<T>(HttpResponse response, T value, CancellationToken cancellationToken, bool web = false)
    {
        var json = web ? JsonSerializer.Serialize(value, Web) : JsonSerializer.Serialize(value);
        await response.WriteAsync($"data: {json}\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a named event (<c>event: NAME</c>), as the Responses API streams.</summary>
    public static async Task WriteEventAsync<T>(HttpResponse response, string name, T value, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(value);
        await response.WriteAsync($"event: {name}\ndata: {json}\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task DoneAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        await response.WriteAsync("data: [DONE]\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
