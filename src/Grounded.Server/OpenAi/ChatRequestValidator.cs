using System.Text.Json;
using Grounded.Gateway;
using Grounded.Gateway.Config;
using Grounded.Gateway.Failures;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>Checks a chat request against OpenAI's rules and the model's limits before any provider is called.</summary>
internal static class ChatRequestValidator
{
    /// <summary>A checked request: the model, the converted messages and options, and the prompt's token count.</summary>
    internal sealed record Checked(ModelOptions Model, List<ChatMessage> Messages, ChatOptions Options, bool Stream, bool IncludeUsage, Lazy<int> PromptTokenCount)
    {
        /// <summary>Gets the prompt's exact token count, tokenizing on first use only.</summary>
        public int PromptTokens => PromptTokenCount.Value;
    }

    public static Checked Check(JsonElement body, ModelGateway gateway)
    {
        var r = RequestBody.Bind<ChatCompletionRequest>(body);
        if (string.IsNullOrWhiteSpace(r.Model))
        {
            throw new InvalidRequestException("model is required", "model");
        }

        var model = gateway.Options.Find(r.Model) ?? throw InvalidRequestException.UnknownModel(r.Model, gateway.Options.Models.Select(m => m.Name));
        if (r.Messages is not { Count: > 0 })
        {
            throw new InvalidRequestException("messages must be a non-empty array", "messages");
        }

        if (r.Temperature is < 0 or > 2 || r.Temperature is double.NaN)
        {
            throw new InvalidRequestException($"temperature must be between 0 and 2 (got {r.Temperature})", "temperature");
        }

        if (r.TopP is <= 0 or > 1 || r.TopP is double.NaN)
        {
            throw new InvalidRequestException($"top_p must be greater than 0 and at most 1 (got {r.TopP})", "top_p");
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
        if (maxTokens is <= 0 || maxTokens > model.MaxOutputTokens)
        {
            throw new InvalidRequestException($"{field} must be between 1 and {model.MaxOutputTokens} for model '{model.Name}' (got {maxTokens})", field);
        }

        if (r.StreamOptions is not null && r.Stream != true)
        {
            throw new InvalidRequestException("stream_options is only allowed with stream: true", "stream_options");
        }

        var messages = ChatRequestMapper.Messages(r.Messages);
        var promptTokens = new Lazy<int>(() => gateway.Tokens.Count(messages), LazyThreadSafetyMode.None);
        if (gateway.Tokens.UpperBound(messages) + (maxTokens ?? 0) > model.ContextWindow && promptTokens.Value + (maxTokens ?? 0) > model.ContextWindow)
        {
            throw new InvalidRequestException(
                $"The prompt is {promptTokens.Value} tokens and {field} is {maxTokens ?? 0}: together {promptTokens.Value + (maxTokens ?? 0)} tokens, "
                + $"more than the context window of model '{model.Name}', {model.ContextWindow} tokens.", "messages") { Code = "context_length_exceeded" };
        }

        var options = ChatRequestMapper.Options(r, body, model.Name, maxTokens);
        return new Checked(model, messages, options, r.Stream == true, r.StreamOptions?.IncludeUsage == true, promptTokens);
    }
}
