using System.Text.Json;
using Grounded.Gateway.Providers;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>Turns Microsoft.Extensions.AI responses into OpenAI's <c>chat.completion</c>, with what the provider reported beyond text kept.</summary>
internal static class ChatResponseMapper
{
    public static ChatCompletionResponse Completion(ChatResponse response, string id, long created, string model, decimal? cost = null)
    {
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        var calls = ToolCalls(contents.OfType<FunctionCallContent>(), withIndex: false);
        var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
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
                    Message = new WireReply
                    {
                        Content = text.Length > 0 || calls is null ? text : null,
                        Refusal = Refusal(contents),
                        ToolCalls = calls,
                    },
                    Logprobs = Property<JsonElement?>(response.AdditionalProperties, ResponseFields.LogProbabilities),
                    FinishReason = FinishReason(response.FinishReason) ?? (calls is null ? "stop" : "tool_calls"),
                },
            ],
            Usage = Usage(response.Usage, cost),
            SystemFingerprint = Property<string>(response.AdditionalProperties, ResponseFields.SystemFingerprint),
            ServiceTier = Property<string>(response.AdditionalProperties, ResponseFields.ServiceTier),
        };
    }

    public static WireUsage? Usage(UsageDetails? usage, decimal? cost = null) => usage is null ? null : new WireUsage
    {
        CostUsd = cost is { } usd ? Math.Round(usd, 8) : null,
        PromptTokens = usage.InputTokenCount ?? 0,
        CompletionTokens = usage.OutputTokenCount ?? 0,
        TotalTokens = usage.TotalTokenCount ?? ((usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0)),
        PromptDetails = usage.CachedInputTokenCount is { } cached ? new WirePromptDetails { CachedTokens = cached } : null,
        CompletionDetails = usage.ReasoningTokenCount is { } reasoning ? new WireCompletionDetails { ReasoningTokens = reasoning } : null,
    };

    public static List<WireToolCall>? ToolCalls(IEnumerable<FunctionCallContent> calls, bool withIndex, int firstIndex = 0)
    {
        var wire = calls.Select((c, i) => new WireToolCall
        {
            Index = withIndex ? firstIndex + i : null,
            Id = c.CallId,
            Type = "function",
            Function = new WireFunctionCall { Name = c.Name, Arguments = ToolCallArguments.Text(c) },
        }).ToList();
        return wire.Count > 0 ? wire : null;
    }

    public static string? Refusal(IEnumerable<AIContent> contents) =>
        contents.OfType<ErrorContent>().FirstOrDefault(e => e.ErrorCode == "Refusal")?.Message;

    public static T? Property<T>(AdditionalPropertiesDictionary? properties, string key) =>
        properties?.TryGetValue(key, out var value) == true && value is T typed ? typed : default;

    public static string? FinishReason(ChatFinishReason? reason) =>
        reason is null ? null
        : reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ToolCalls ? "tool_calls"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : reason == ChatFinishReason.Stop ? "stop"
        : reason.Value.Value;
}
