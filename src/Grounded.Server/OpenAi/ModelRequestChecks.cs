using Grounded.Gateway;
using Grounded.Gateway.Config;
using Grounded.Gateway.Failures;
using Microsoft.Extensions.AI;

namespace Grounded.Server.OpenAi;

/// <summary>The checks every model request gets before a provider is called, whichever API it came in by (chat completions, Responses).</summary>
internal static class ModelRequestChecks
{
    /// <summary>Throws the 404 for a name that is neither a configured model nor a route.</summary>
    public static void CheckKnown(ModelGateway gateway, string name)
    {
        if (gateway.Options.Find(name) is null && !gateway.Routes.IsRoute(name))
        {
            throw InvalidRequestException.UnknownModel(name, gateway.Options.Names);
        }
    }

    /// <summary>
    /// Returns the model a request naming <paramref name="name"/> reaches: that model, or the one the route of that name
    /// chooses for these messages (the route stage decides the same again; the request is checked against its choice).
    /// </summary>
    public static ModelOptions Target(ModelGateway gateway, string name, IList<ChatMessage> messages, int? maxTokens)
    {
        CheckKnown(gateway, name);
        return gateway.Options.Find(gateway.Routes.Decide(name, messages, maxTokens)?.Model ?? name)!;
    }

    /// <summary>Checks the sampling settings, the output limit against the model's, and the prompt against its context window.</summary>
    /// <param name="maxTokensField">The name the request gave the output limit, for messages (<c>max_tokens</c>, <c>max_output_tokens</c>, ...).</param>
    /// <param name="promptField">The name of the request's prompt field (<c>messages</c>, <c>input</c>).</param>
    public static void Check(
        ModelGateway gateway, ModelOptions model, IList<ChatMessage> messages, double? temperature, double? topP, int? maxTokens, string maxTokensField, string promptField)
    {
        if (temperature is < 0 or > 2 || temperature is double.NaN)
        {
            throw new InvalidRequestException($"temperature must be between 0 and 2 (got {temperature})", "temperature");
        }

        if (topP is <= 0 or > 1 || topP is double.NaN)
        {
            throw new InvalidRequestException($"top_p must be greater than 0 and at most 1 (got {topP})", "top_p");
        }

        if (maxTokens is <= 0 || maxTokens > model.MaxOutputTokens)
        {
            throw new InvalidRequestException(
                $"{maxTokensField} must be between 1 and {model.MaxOutputTokens} for model '{model.Name}' (got {maxTokens})", maxTokensField);
        }

        // A byte count bounds the token count (every BPE token covers at least one byte): tokenize only when it must.
        if (gateway.Tokens.UpperBound(messages) + (maxTokens ?? 0) > model.ContextWindow
            && gateway.Tokens.Count(messages) is var prompt && prompt + (maxTokens ?? 0) > model.ContextWindow)
        {
            throw new InvalidRequestException(
                $"The prompt is {prompt} tokens and {maxTokensField} is {maxTokens ?? 0}: together {prompt + (maxTokens ?? 0)} tokens, "
                + $"more than the context window of model '{model.Name}', {model.ContextWindow} tokens.", promptField) { Code = "context_length_exceeded" };
        }
    }
}
