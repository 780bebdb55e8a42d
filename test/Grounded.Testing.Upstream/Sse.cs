using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Grounded.Testing.Upstream;

/// <summary>Writes server-sent events, flushing each so that the client sees them one by one.</summary>
internal static class Sse
{
    // Quotes and non-ASCII as themselves, as the providers write them (not \u0022).
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="node"/> as compact JSON.</summary>
    public static string Json(JsonNode node) => node.ToJsonString(Relaxed);

    public static void Start(HttpResponse response) => response.ContentType = "text/event-stream";

    public static async Task DataAsync(HttpResponse response, string data)
    {
        await response.WriteAsync($"data: {data}\n\n").ConfigureAwait(false);
        await response.Body.FlushAsync().ConfigureAwait(false);
    }

    public static async Task EventAsync(HttpResponse response, string name, JsonNode data)
    {
        await response.WriteAsync($"event: {name}\ndata: {Json(data)}\n\n").ConfigureAwait(false);
        await response.Body.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Drops the connection mid-stream, after giving the client time to read what was already sent.</summary>
    public static async Task CutAsync(HttpContext http)
    {
        await Task.Delay(200).ConfigureAwait(false);
        http.Abort();
    }

    /// <summary>Splits <paramref name="text"/> into <paramref name="count"/> pieces of about the same length (fewer when it is shorter).</summary>
    public static List<string> Split(string text, int count)
    {
        count = Math.Clamp(count, 1, Math.Max(1, text.Length));
        var size = (text.Length + count - 1) / count;
        var pieces = new List<string>();
        for (var i = 0; i < text.Length; i += size)
        {
            pieces.Add(text.Substring(i, Math.Min(size, text.Length - i)));
        }

        return pieces.Count > 0 ? pieces : [string.Empty];
    }

    /// <summary>Splits text into words, each but the first with its leading space: the tokens the upstream streams.</summary>
    public static List<string> Words(string text) => text.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
}
