using System.Text.Json.Nodes;
using Grounded.Gateway.Providers;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Responses;

/// <summary>The Responses API's <c>response</c> object and its output items, as OpenAI writes them.</summary>
internal sealed class ResponseObject(string id, long createdAt, ResponsesRequest request, string model)
{
    public string Id => id;

    /// <summary>Gets or sets the model the response names: the one that served, once known (a fallback after a failover).</summary>
    public string Model { get; set; } = model;

    public JsonObject Build(string status, JsonArray output, UsageDetails? usage, ChatFinishReason? finish = null)
    {
        var response = new JsonObject
        {
            ["id"] = id,
            ["object"] = "response",
            ["created_at"] = createdAt,
            ["status"] = finish == ChatFinishReason.Length && status == "completed" ? "incomplete" : status,
            ["error"] = null,
            ["incomplete_details"] = finish == ChatFinishReason.Length ? new JsonObject { ["reason"] = "max_output_tokens" } : null,
            ["model"] = Model,
            ["output"] = output,
            ["previous_response_id"] = null,
            ["reasoning"] = new JsonObject { ["effort"] = null, ["summary"] = null },
            ["store"] = false,
            ["truncation"] = "disabled",
            ["usage"] = Usage(usage),
        };
        foreach (var (key, value) in request.Echo)
        {
            response[key] = value?.DeepClone();
        }

        response["parallel_tool_calls"] ??= true;
        response["metadata"] ??= new JsonObject();
        return response;
    }

    /// <summary>Returns the output items of a whole answer: a message when there is text (or a refusal), then one item per tool call.</summary>
    public static JsonArray Output(IEnumerable<AIContent> contents)
    {
        var list = contents.ToList();
        var output = new JsonArray();
        var text = string.Concat(list.OfType<TextContent>().Select(t => t.Text));
        var refusal = list.OfType<ErrorContent>().FirstOrDefault(e => e.ErrorCode == "Refusal")?.Message;
        if (text.Length > 0 || refusal is not null || !list.OfType<FunctionCallContent>().Any())
        {
            output.Add(Message(NewId("msg"), "completed", text, refusal));
        }

        foreach (var call in list.OfType<FunctionCallContent>())
        {
            output.Add(FunctionCall(NewId("fc"), call.CallId, call.Name, ToolCallArguments.Text(call), "completed"));
        }

        return output;
    }

    public static JsonObject Message(string id, string status, string? text, string? refusal = null)
    {
        var content = new JsonArray();
        if (text is not null && (text.Length > 0 || refusal is null))
        {
            content.Add(TextPart(text));
        }

        if (refusal is not null)
        {
            content.Add(RefusalPart(refusal));
        }

        return new JsonObject { ["type"] = "message", ["id"] = id, ["status"] = status, ["role"] = "assistant", ["content"] = content };
    }

    public static JsonObject TextPart(string text) => new() { ["type"] = "output_text", ["text"] = text, ["annotations"] = new JsonArray() };

    public static JsonObject RefusalPart(string refusal) => new() { ["type"] = "refusal", ["refusal"] = refusal };

    public static JsonObject FunctionCall(string id, string callId, string name, string arguments, string status) => new()
    {
        ["type"] = "function_call", ["id"] = id, ["call_id"] = callId, ["name"] = name, ["arguments"] = arguments, ["status"] = status,
    };

    public static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    private static JsonObject? Usage(UsageDetails? usage) => usage is null ? null : new JsonObject
    {
        ["input_tokens"] = usage.InputTokenCount ?? 0,
        ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = usage.CachedInputTokenCount ?? 0 },
        ["output_tokens"] = usage.OutputTokenCount ?? 0,
        ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = usage.ReasoningTokenCount ?? 0 },
        ["total_tokens"] = usage.TotalTokenCount ?? ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0)),
    };
}
