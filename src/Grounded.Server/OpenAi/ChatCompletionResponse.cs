using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grounded.Server.OpenAi;

/// <summary>A <c>chat.completion</c> object, or one <c>chat.completion.chunk</c> of a stream, with OpenAI's nulls where OpenAI sends them.</summary>
internal sealed class ChatCompletionResponse
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("object")] public required string Object { get; init; }
    [JsonPropertyName("created")] public long Created { get; init; }
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("choices")] public required List<WireChoice> Choices { get; init; }
    [JsonPropertyName("usage")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WireUsage? Usage { get; init; }
    [JsonPropertyName("system_fingerprint")] public string? SystemFingerprint { get; init; }
    [JsonPropertyName("service_tier")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ServiceTier { get; init; }
}

internal sealed class WireChoice
{
    [JsonPropertyName("index")] public int Index { get; init; }
    [JsonPropertyName("message")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WireReply? Message { get; init; }
    [JsonPropertyName("delta")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WireDelta? Delta { get; init; }
    [JsonPropertyName("logprobs")] public JsonElement? Logprobs { get; init; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; init; }
}

/// <summary>A whole reply: <c>content</c> is null when the model only called tools, <c>refusal</c> null unless it refused.</summary>
internal sealed class WireReply
{
    [JsonPropertyName("role")] public string Role { get; init; } = "assistant";
    [JsonPropertyName("content")] public string? Content { get; init; }
    [JsonPropertyName("refusal")] public string? Refusal { get; init; }
    [JsonPropertyName("tool_calls")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<WireToolCall>? ToolCalls { get; init; }
}

/// <summary>A piece of a streamed reply: only what the piece carries.</summary>
internal sealed class WireDelta
{
    [JsonPropertyName("role")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Role { get; init; }
    [JsonPropertyName("content")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Content { get; init; }
    [JsonPropertyName("refusal")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Refusal { get; init; }
    [JsonPropertyName("tool_calls")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<WireToolCall>? ToolCalls { get; init; }
}

internal sealed class WireUsage
{
    [JsonPropertyName("prompt_tokens")] public long PromptTokens { get; init; }
    [JsonPropertyName("completion_tokens")] public long CompletionTokens { get; init; }
    [JsonPropertyName("total_tokens")] public long TotalTokens { get; init; }
    [JsonPropertyName("prompt_tokens_details")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WirePromptDetails? PromptDetails { get; init; }
    [JsonPropertyName("completion_tokens_details")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public WireCompletionDetails? CompletionDetails { get; init; }

    /// <summary>Grounded's addition: what the request cost in dollars at the configured prices (0 when served from cache).</summary>
    [JsonPropertyName("cost_usd")][JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? CostUsd { get; init; }
}

internal sealed class WirePromptDetails
{
    [JsonPropertyName("cached_tokens")] public long CachedTokens { get; init; }
}

internal sealed class WireCompletionDetails
{
    [JsonPropertyName("reasoning_tokens")] public long ReasoningTokens { get; init; }
}
