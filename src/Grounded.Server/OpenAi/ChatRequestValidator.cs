using Grounded.Gateway;
using Grounded.Gateway.Config;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>Checks a chat request against the model's limits before any provider is called.</summary>
internal static class ChatRequestValidator
{
    /// <summary>A validated request: the model, its client, the converted messages and options, and the prompt's token count.</summary>
    internal sealed record Checked(ModelOptions Model, IChatClient Client, List<ChatMessage> Messages, ChatOptions Options, Lazy<int> PromptTokenCount)
    {
        /// <summary>Gets the prompt's exact token count, tokenizing on first use only (the provider's usage usually makes it unnecessary).</summary>
        public int PromptTokens => PromptTokenCount.Value;
    }

    public static Checked Check(ChatCompletionRequest r, ModelGateway gateway)
    {
        if (string.IsNullOrWhiteSpace(r.Model))
        {
            throw new RequestException(OpenAiError.Invalid("model is required", "model"));
        }

        if (gateway.Options.Find(r.Model) is not { } model || gateway.GetChatClient(r.Model) is not { } client)
        {
            var known = string.Join(", ", gateway.Options.Models.Select(m => m.Name));
            throw new RequestException(new OpenAiError(404, $"The model '{r.Model}' does not exist. Known models: {known}", "invalid_request_error", "model_not_found", "model"));
        }

        if (r.Messages is not { Count: > 0 })
        {
            throw new RequestException(OpenAiError.Invalid("messages must be a non-empty array", "messages"));
        }

        if (r.Temperature is < 0 or > 2 || r.Temperature is double.NaN)
        {
            throw new RequestException(OpenAiError.Invalid($"temperature must be between 0 and 2 (got {r.Temperature})", "temperature"));
        }

        if (r.TopP is <= 0 or > 1 || r.TopP is double.NaN)
        {
            throw new RequestException(OpenAiError.Invalid($"top_p must be greater than 0 and at most 1 (got {r.TopP})", "top_p"));
        }

        var maxTokens = r.MaxCompletionTokens ?? r.MaxTokens;
        if (maxTokens is <= 0 || maxTokens > model.MaxOutputTokens)
        {
            throw new RequestException(OpenAiError.Invalid(
                $"max_tokens must be between 1 and {model.MaxOutputTokens} for model '{model.Name}' (got {maxTokens})", "max_tokens"));
        }

        var messages = ChatRequestMapper.Messages(r.Messages);
        var promptTokens = new Lazy<int>(() => gateway.Tokens.Count(messages), LazyThreadSafetyMode.None);
        if (gateway.Tokens.UpperBound(messages) + (maxTokens ?? 0) > model.ContextWindow && promptTokens.Value + (maxTokens ?? 0) > model.ContextWindow)
        {
            throw new RequestException(OpenAiError.Invalid(
                $"The prompt is {promptTokens.Value} tokens and max_tokens is {maxTokens ?? 0}: together {promptTokens.Value + (maxTokens ?? 0)} tokens, "
                + $"more than the context window of model '{model.Name}', {model.ContextWindow} tokens.", "messages", "context_length_exceeded"));
        }

        return new Checked(model, client, messages, ChatRequestMapper.Options(r, model.ProviderModel, maxTokens), promptTokens);
    }
}
