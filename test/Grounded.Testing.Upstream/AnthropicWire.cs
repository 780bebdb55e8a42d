using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Grounded.Testing.Upstream;

/// <summary>The JSON and SSE of Anthropic's messages API: text blocks, or tool_use blocks (input streamed as input_json_delta pieces).</summary>
internal static class AnthropicWire
{
    public static string Message(Reply reply)
    {
        var content = reply.HasCalls
            ? new JsonArray([.. reply.Calls.Select((c, i) => (JsonNode)new JsonObject
            {
                ["type"] = "tool_use", ["id"] = ToolUseId(c, i), ["name"] = c.Name, ["input"] = Input(c.Arguments),
            })])
            : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = reply.Text });
        return Sse.Json(new JsonObject
        {
            ["id"] = "msg_1", ["type"] = "message", ["role"] = "assistant", ["model"] = "claude-test", ["content"] = content,
            ["stop_reason"] = reply.HasCalls ? "tool_use" : "end_turn", ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = 10, ["output_tokens"] = 5 },
        });
    }

    public static async Task StreamAsync(HttpContext http, Reply reply)
    {
        var response = http.Response;
        Sse.Start(response);
        await Sse.EventAsync(response, "message_start", new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject
            {
                ["id"] = "msg_1", ["type"] = "message", ["role"] = "assistant", ["model"] = "claude-test", ["content"] = new JsonArray(),
                ["stop_reason"] = null, ["stop_sequence"] = null, ["usage"] = new JsonObject { ["input_tokens"] = 10, ["output_tokens"] = 0 },
            },
        }).ConfigureAwait(false);
        if (reply.HasCalls)
        {
            for (var i = 0; i < reply.Calls.Count; i++)
            {
                var call = reply.Calls[i];
                var block = new JsonObject { ["type"] = "tool_use", ["id"] = ToolUseId(call, i), ["name"] = call.Name, ["input"] = new JsonObject() };
                await BlockStartAsync(response, i, block).ConfigureAwait(false);
                foreach (var piece in Sse.Split(call.Arguments, reply.Pieces))
                {
                    await BlockDeltaAsync(response, i, new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece }).ConfigureAwait(false);
                }

                await Sse.EventAsync(response, "content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = i }).ConfigureAwait(false);
            }
        }
        else
        {
            await BlockStartAsync(response, 0, new JsonObject { ["type"] = "text", ["text"] = string.Empty }).ConfigureAwait(false);
            var words = Sse.Words(reply.Text ?? string.Empty);
            for (var i = 0; i < words.Count; i++)
            {
                if (i == reply.CutAfter)
                {
                    await Sse.CutAsync(http).ConfigureAwait(false);
                    return;
                }

                if (i > 0 && reply.PerToken > TimeSpan.Zero)
                {
                    await Task.Delay(reply.PerToken, http.RequestAborted).ConfigureAwait(false);
                }

                await BlockDeltaAsync(response, 0, new JsonObject { ["type"] = "text_delta", ["text"] = words[i] }).ConfigureAwait(false);
            }

            await Sse.EventAsync(response, "content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 }).ConfigureAwait(false);
        }

        await Sse.EventAsync(response, "message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = reply.HasCalls ? "tool_use" : "end_turn", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = 5 },
        }).ConfigureAwait(false);
        await Sse.EventAsync(response, "message_stop", new JsonObject { ["type"] = "message_stop" }).ConfigureAwait(false);
    }

    private static Task BlockStartAsync(HttpResponse response, int index, JsonObject block) =>
        Sse.EventAsync(response, "content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = block });

    private static Task BlockDeltaAsync(HttpResponse response, int index, JsonObject delta) =>
        Sse.EventAsync(response, "content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta });

    private static string ToolUseId(ToolCall call, int index) => call.Id ?? $"toolu_{index + 1}";

    // Anthropic's non-streamed input is an object: arguments that are not a JSON object become an empty one.
    private static JsonNode Input(string arguments)
    {
        try
        {
            return JsonNode.Parse(arguments) as JsonObject ?? new JsonObject();
        }
        catch (JsonException)
        {
            return new JsonObject();
        }
    }
}
