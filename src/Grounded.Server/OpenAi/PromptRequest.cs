using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Gateway.Failures;
using Grounded.Hosting;
using Grounded.Prompts;
using Grounded.Rag.Prompts;

namespace Grounded.Server.OpenAi;

/// <summary>
/// A chat or Responses request that calls a registry prompt (<c>"model": "prompt:ID"</c> or <c>"prompt:ID@VERSION"</c>,
/// variables in <c>prompt_variables</c>) becomes the plain request it stands for before any check: the prompt's rendered
/// system and user messages (the request's own <c>messages</c>, or <c>input</c>, after them), its model or route, and its
/// parameters where the request sets none.
/// </summary>
internal static class PromptRequest
{
    public const string ModelPrefix = "prompt:";
    public const string VariablesField = "prompt_variables";

    /// <summary>Returns whether <paramref name="body"/> calls a registry prompt.</summary>
    public static bool Calls(JsonElement body) =>
        body.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String && model.GetString()!.StartsWith(ModelPrefix, StringComparison.Ordinal);

    /// <summary>Returns the chat request the prompt stands for, and the version used (400 for a bad reference or a missing variable, 404 for an unknown prompt).</summary>
    public static Task<(JsonDocument Body, PromptVersion Prompt)> ExpandAsync(JsonElement body, GroundedStack stack, CancellationToken cancellationToken) =>
        ExpandAsync(body, stack, responses: false, cancellationToken);

    /// <summary>Returns the Responses request (<c>/v1/responses</c>) the prompt stands for, and the version used.</summary>
    public static Task<(JsonDocument Body, PromptVersion Prompt)> ExpandResponsesAsync(JsonElement body, GroundedStack stack, CancellationToken cancellationToken) =>
        ExpandAsync(body, stack, responses: true, cancellationToken);

    private static async Task<(JsonDocument Body, PromptVersion Prompt)> ExpandAsync(JsonElement body, GroundedStack stack, bool responses, CancellationToken cancellationToken)
    {
        var written = body.GetProperty("model").GetString()![ModelPrefix.Length..];
        PromptReference reference;
        try
        {
            reference = PromptReference.Parse(written);
        }
        catch (FormatException e)
        {
            throw new InvalidRequestException(e.Message, "model");
        }

        PromptVersion prompt;
        try
        {
            prompt = await stack.ResolvePromptAsync(reference, null, cancellationToken).ConfigureAwait(false);
        }
        catch (PromptNotFoundException e)
        {
            throw new InvalidRequestException($"The prompt '{written}' does not exist: {e.Message}", "model", 404) { Code = "prompt_not_found" };
        }

        var request = JsonNode.Parse(body.GetRawText())!.AsObject();
        var variables = Variables(request[VariablesField]);
        (string System, string User) rendered;
        try
        {
            rendered = prompt.Render(variables);
        }
        catch (PromptVariableException e)
        {
            throw new InvalidRequestException($"{e.Message}: add it to {VariablesField}", $"{VariablesField}.{e.Variable}");
        }

        var messages = new JsonArray();
        if (rendered.System.Length > 0)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = rendered.System });
        }

        messages.Add(new JsonObject { ["role"] = "user", ["content"] = rendered.User });
        var field = responses ? "input" : "messages";
        if (request[field] is JsonArray own)
        {
            foreach (var message in own.ToList())
            {
                own.Remove(message);
                messages.Add(message);
            }
        }
        else if (responses && request[field] is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            messages.Add(new JsonObject { ["role"] = "user", ["content"] = text.GetValue<string>() });
        }

        request[field] = messages;
        request["model"] = prompt.Model ?? stack.Options.AskModel
            ?? throw new InvalidRequestException($"the prompt {prompt.Reference} names no model and no default model is configured (rag.model): add model to prompts/{prompt.Id}/{prompt.Version}.yaml", "model");
        SetIfMissing(request, "temperature", prompt.Parameters.Temperature);
        SetIfMissing(request, "top_p", prompt.Parameters.TopP);
        if (responses ? request["max_output_tokens"] is null : request["max_tokens"] is null && request["max_completion_tokens"] is null)
        {
            SetIfMissing(request, responses ? "max_output_tokens" : "max_tokens", prompt.Parameters.MaxTokens);
        }

        request.Remove(VariablesField);
        return (JsonDocument.Parse(request.ToJsonString()), prompt);
    }

    private static Dictionary<string, string> Variables(JsonNode? node)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return variables;
        }

        if (node is not JsonObject fields)
        {
            throw new InvalidRequestException($"{VariablesField} must be an object of strings", VariablesField);
        }

        foreach (var (name, value) in fields)
        {
            variables[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw new InvalidRequestException($"{VariablesField}.{name} must be a string", $"{VariablesField}.{name}");
        }

        return variables;
    }

    private static void SetIfMissing(JsonObject request, string field, int? value)
    {
        if (request[field] is null && value is { } v)
        {
            request[field] = v;
        }
    }

    private static void SetIfMissing(JsonObject request, string field, double? value)
    {
        if (request[field] is null && value is { } v)
        {
            request[field] = v;
        }
    }
}
