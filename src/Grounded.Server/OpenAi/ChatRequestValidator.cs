using System.Text.Json;
using Grounded.Gateway;
using Grounded.Gateway.Config;
using Grounded.Gateway.Failures;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>Checks a chat request against OpenAI's rules and the model's limits before any provider is called.</summary>
internal static class ChatRequestValidator
{
    /// <summary>
    /// The most messages one request may carry. OpenAI documents no cap; 1,000 is far above any context window's worth of
    /// real turns and keeps the per-message work (guards, token counts, mapping) bounded.
    /// </summary>
    public const int MaxMessages = 1000;

    /// <summary>A checked request: the name it sent (a model or a route), the model it reaches, the converted messages and options, and the end user it names.</summary>
    internal sealed record Checked(string Requested, ModelOptions Model, List<ChatMessage> Messages, ChatOptions Options, bool Stream, bool IncludeUsage, string? User = null);

    public static Checked Check(JsonElement body, ModelGateway gateway)
    {
        var r = RequestBody.Bind<ChatCompletionRequest>(body);
        if (string.IsNullOrWhiteSpace(r.Model))
        {
            throw new InvalidRequestException("model is required", "model");
        }

        ModelRequestChecks.CheckKnown(gateway, r.Model);
        if (r.Messages is not { Count: > 0 })
        {
            throw new InvalidRequestException("messages must be a non-empty array", "messages");
        }

        if (r.Messages.Count > MaxMessages)
        {
            throw new InvalidRequestException($"messages holds {r.Messages.Count} messages; the limit is {MaxMessages} per request", "messages");
        }

        if (r.N is { } n && n != 1)
        {
            throw new InvalidRequestException($"n must be 1 (got {n}): Grounded returns one choice per request; send {n} requests for {n} choices", "n");
        }

        if (r.TopLogprobs is < 0 or > 20)
        {
            throw new InvalidRequestException($"top_logprobs must be between 0 and 20 (got {r.TopLogprobs})", "top_logprobs");
        }

        if (r.TopLogprobs is not null && r.Logprobs != true)
        {
            throw new InvalidRequestException("top_logprobs needs logprobs: true", "top_logprobs");
        }

        var (maxTokens, field) = r.MaxCompletionTokens is { } completion ? (completion, "max_completion_tokens") : (r.MaxTokens, "max_tokens");
        if (r.StreamOptions is not null && r.Stream != true)
        {
            throw new InvalidRequestException("stream_options is only allowed with stream: true", "stream_options");
        }

        var messages = ChatRequestMapper.Messages(r.Messages);
        var model = ModelRequestChecks.Target(gateway, r.Model, messages, maxTokens);
        ModelRequestChecks.Check(gateway, model, messages, r.Temperature, r.TopP, maxTokens, field, "messages");
        var options = ChatRequestMapper.Options(r, body, r.Model, maxTokens);
        return new Checked(r.Model, model, messages, options, r.Stream == true, r.StreamOptions?.IncludeUsage == true, r.User);
    }
}
