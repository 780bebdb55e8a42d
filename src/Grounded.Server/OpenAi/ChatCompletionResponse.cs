using System.Text.Json.Serialization;

namespace Grounded.Server.OpenAi;

/// <summary>A <c>chat.completion</c> object, or one <c>chat.completion.chunk</c> of a stream.</summary>
internal sealed class ChatCompletionResponse
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("object")] public required string Object { get; init; }
    [JsonPropertyName("created")] public long Created { get; init; }
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("choices")] public required List<WireChoice> Choices { get; init; }
    [JsonPropertyName("usage")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WireUsage? Usage { get; init; }
}

internal sealed class WireChoice
{
    [JsonPropertyName("index")] public int Index { get; init; }
    [JsonPropertyName("message")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WireReply? Message { get; init; }
    [JsonPropertyName("delta")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WireReply? Delta { get; init; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; init; }
}

internal sealed class WireReply
{
    [JsonPropertyName("role")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Role { get; init; }
    [JsonPropertyName("content")] public string? Content { get; init; }
    [JsonPropertyName("tool_calls")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<WireToolCall>? ToolCalls { get; init; }
}

internal sealed class WireUsage
{
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }
    [JsonPropertyName("total_tokens")] public long TotalTokens { get; init; }
}
