using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Grounded.Testing.Upstream;

/// <summary>The JSON and SSE of OpenAI's chat completions, as OpenAI sends them (system_fingerprint, logprobs when asked, usage chunk when asked).</summary>
internal static class OpenAiWire
{
    public const string Fingerprint = "fp_upstream";
    private const long Created = 1700000000;

    public static string Completion(Reply reply, UpstreamRequest request, string model)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.HasCalls ? null : reply.Text, ["refusal"] = null };
        if (reply.HasCalls)
        {
            message["tool_calls"] = new JsonArray([.. reply.Calls.Select((c, i) => (JsonNode)new JsonObject
            {
                ["id"] = Reply.CallId(c, i), ["type"] = "function", ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
            })]);
        }

        var completion = Envelope("chat.completion", model);
        completion["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = message,
            ["logprobs"] = request.Logprobs && !reply.HasCalls ? Logprobs(Sse.Words(reply.Text ?? string.Empty), request.TopLogprobs) : null,
            ["finish_reason"] = reply.HasCalls ? "tool_calls" : "stop",
        });
        completion["usage"] = Usage();
        return Sse.Json(completion);
    }

    public static async Task StreamAsync(HttpContext http, Reply reply, UpstreamRequest request, string model)
    {
        Sse.Start(http.Response);
        if (reply.HasCalls)
        {
            for (var i = 0; i < reply.Calls.Count; i++)
            {
                var call = reply.Calls[i];
                var opening = new JsonObject { ["index"] = i, ["id"] = Reply.CallId(call, i), ["type"] = "function", ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = string.Empty } };
                await ChunkAsync(http, model, Delta(i == 0, null, opening), null, null).ConfigureAwait(false);
                foreach (var piece in Sse.Split(call.Arguments, reply.Pieces))
                {
                    var more = new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = piece } };
                    await ChunkAsync(http, model, Delta(false, null, more), null, null).ConfigureAwait(false);
                }
            }
        }
        else
        {
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

                var logprobs = request.Logprobs ? Logprobs([words[i]], request.TopLogprobs) : null;
                await ChunkAsync(http, model, Delta(i == 0, words[i], null), logprobs, null).ConfigureAwait(false);
            }
        }

        await ChunkAsync(http, model, new JsonObject(), null, reply.HasCalls ? "tool_calls" : "stop").ConfigureAwait(false);
        if (request.IncludeUsage)
        {
            var usage = Envelope("chat.completion.chunk", model);
            usage["choices"] = new JsonArray();
            usage["usage"] = Usage();
            await Sse.DataAsync(http.Response, Sse.Json(usage)).ConfigureAwait(false);
        }

        await Sse.DataAsync(http.Response, "[DONE]").ConfigureAwait(false);
    }

    private static async Task ChunkAsync(HttpContext http, string model, JsonObject delta, JsonNode? logprobs, string? finishReason)
    {
        var chunk = Envelope("chat.completion.chunk", model);
        chunk["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = logprobs, ["finish_reason"] = finishReason });
        await Sse.DataAsync(http.Response, Sse.Json(chunk)).ConfigureAwait(false);
    }

    private static JsonObject Delta(bool first, string? content, JsonObject? toolCall)
    {
        var delta = new JsonObject();
        if (first)
        {
            delta["role"] = "assistant";
        }

        if (content is not null || toolCall is not null)
        {
            delta["content"] = content;
        }

        if (toolCall is not null)
        {
            delta["tool_calls"] = new JsonArray(toolCall);
        }

        return delta;
    }

    private static JsonObject Envelope(string kind, string model) => new()
    {
        ["id"] = "chatcmpl-1", ["object"] = kind, ["created"] = Created, ["model"] = model, ["system_fingerprint"] = Fingerprint,
    };

    private static JsonObject Usage() => new() { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 };

    /// <summary>OpenAI's <c>logprobs</c>: one entry per token, with <paramref name="top"/> alternatives each.</summary>
    private static JsonObject Logprobs(IEnumerable<string> tokens, int top) => new()
    {
        ["content"] = new JsonArray([.. tokens.Select(t => (JsonNode)new JsonObject
        {
            ["token"] = t, ["logprob"] = -0.25, ["bytes"] = Bytes(t),
            ["top_logprobs"] = new JsonArray([.. Enumerable.Range(0, top).Select(k => (JsonNode)new JsonObject
            {
                ["token"] = k == 0 ? t : $"{t}~{k}", ["logprob"] = -0.25 * (k + 1), ["bytes"] = Bytes(k == 0 ? t : $"{t}~{k}"),
            })]),
        })]),
        ["refusal"] = null,
    };

    private static JsonArray Bytes(string token) => new([.. Encoding.UTF8.GetBytes(token).Select(b => (JsonNode)(int)b)]);
}
