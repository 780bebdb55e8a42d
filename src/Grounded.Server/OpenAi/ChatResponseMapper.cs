using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>Turns Microsoft.Extensions.AI responses and updates into OpenAI's wire objects.</summary>
internal static class ChatResponseMapper
{
    public static ChatCompletionResponse Completion(ChatResponse response, string id, long created, string model, WireUsage usage)
    {
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        return new ChatCompletionResponse
        {
            Id = id,
            Object = "chat.completion",
            Created = created,
            Model = model,
            Choices =
            [
                new WireChoice
                {
                    Index = 0,
                    Message = new WireReply { Role = "assistant", Content = response.Text, ToolCalls = ToolCalls(contents, withIndex: false) },
                    FinishReason = FinishReason(response.FinishReason),
                },
            ],
            Usage = usage,
        };
    }

    public static ChatCompletionResponse Chunk(ChatResponseUpdate update, string id, long created, string model, bool first) => new()
    {
        Id = id,
        Object = "chat.completion.chunk",
        Created = created,
        Model = model,
        Choices =
        [
            new WireChoice
            {
                Index = 0,
                Delta = new WireReply
                {
                    Role = first ? "assistant" : null,
                    Content = update.Text is { Length: > 0 } t ? t : null,
                    ToolCalls = ToolCalls(update.Contents, withIndex: true),
                },
                FinishReason = FinishReason(update.FinishReason),
            },
        ],
    };

    /// <summary>Returns the provider's usage, counting tokens ourselves only for what it did not report.</summary>
    public static WireUsage Usage(UsageDetails? usage, Func<long> promptTokens, Func<long> completionTokens)
    {
        var prompt = usage?.InputTokenCount ?? promptTokens();
        var completion = usage?.OutputTokenCount ?? completionTokens();
        return new WireUsage { PromptTokens = prompt, CompletionTokens = completion, TotalTokens = usage?.TotalTokenCount ?? prompt + completion };
    }

    private static List<WireToolCall>? ToolCalls(IEnumerable<AIContent> contents, bool withIndex)
    {
        var calls = contents.OfType<FunctionCallContent>().Select((c, i) => new WireToolCall
        {
            Index = withIndex ? i : null,
            Id = c.CallId,
            Function = new WireFunctionCall { Name = c.Name, Arguments = JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>()) },
        }).ToList();
        return calls.Count > 0 ? calls : null;
    }

    private static string? FinishReason(ChatFinishReason? reason) =>
        reason is null ? null
        : reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ToolCalls ? "tool_calls"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : "stop";
}
