using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Grounded.Testing.Upstream;

/// <summary>The JSON and SSE the two provider APIs send.</summary>
internal static class UpstreamWire
{
    public static string OpenAiCompletion(string text, string model) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-1", @object = "chat.completion", created = 1700000000, model,
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
    });

    public static string AnthropicMessage(string text) => JsonSerializer.Serialize(new
    {
        id = "msg_1", type = "message", role = "assistant", model = "claude-test",
        content = new[] { new { type = "text", text } },
        stop_reason = "end_turn", stop_sequence = (string?)null,
        usage = new { input_tokens = 10, output_tokens = 5 },
    });

    public static async Task StreamAsync(HttpContext http, string text, bool anthropic, int cutAfter)
    {
        http.Response.ContentType = "text/event-stream";
        var pieces = text.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
        if (anthropic)
        {
            await Event(http, "message_start", new { type = "message_start", message = new { id = "msg_1", type = "message", role = "assistant", model = "claude-test", content = Array.Empty<object>(), stop_reason = (string?)null, stop_sequence = (string?)null, usage = new { input_tokens = 10, output_tokens = 0 } } });
            await Event(http, "content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            if (i == cutAfter)
            {
                await Task.Delay(200); // let the client read the tokens already sent before the connection drops
                http.Abort();
                return;
            }

            if (anthropic)
            {
                await Event(http, "content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = pieces[i] } });
            }
            else
            {
                await Data(http, JsonSerializer.Serialize(new
                {
                    id = "c1", @object = "chat.completion.chunk", created = 1700000000, model = "m",
                    choices = new[] { new { index = 0, delta = new { role = i == 0 ? "assistant" : null, content = pieces[i] }, finish_reason = (string?)null } },
                }));
            }
        }

        if (anthropic)
        {
            await Event(http, "content_block_stop", new { type = "content_block_stop", index = 0 });
            await Event(http, "message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn", stop_sequence = (string?)null }, usage = new { output_tokens = 5 } });
            await Event(http, "message_stop", new { type = "message_stop" });
            return;
        }

        await Data(http, JsonSerializer.Serialize(new
        {
            id = "c1", @object = "chat.completion.chunk", created = 1700000000, model = "m",
            choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
        }));
        await Data(http, "[DONE]");
    }

    private static async Task Data(HttpContext http, string data)
    {
        await http.Response.WriteAsync($"data: {data}\n\n");
        await http.Response.Body.FlushAsync();
    }

    private static async Task Event(HttpContext http, string name, object data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");
        await http.Response.Body.FlushAsync();
    }
}
