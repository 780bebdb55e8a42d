using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Gateway;
using Grounded.Gateway.Failures;
using Grounded.Gateway.Providers;
using Grounded.Server.OpenAi;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Responses;

/// <summary>
/// Reads a Responses API request into the gateway's chat form: <c>input</c> (a string, or messages, function calls and
/// their outputs) as messages, <c>instructions</c> as the first system message, function tools, <c>text.format</c>,
/// <c>max_output_tokens</c>. What a stateless gateway cannot do (<c>previous_response_id</c>, <c>store: true</c>,
/// built-in tools) is refused with a 400 naming it.
/// </summary>
internal static class ResponsesRequestReader
{
    private static readonly string[] Echoed = ["instructions", "max_output_tokens", "metadata", "parallel_tool_calls", "temperature", "tool_choice", "top_p", "user"];

    // Read into the chat form below; every other field is refused rather than ignored.
    private static readonly HashSet<string> Known =
    [
        "model", "input", "instructions", "tools", "tool_choice", "parallel_tool_calls", "stream", "temperature", "top_p",
        "max_output_tokens", "text", "user", "metadata", "service_tier", "reasoning", "store", "previous_response_id",
        "background", "include", "truncation", "prompt_cache_key", "safety_identifier",
    ];

    // Chat-completions fields of the same name and meaning: sent to OpenAI-compatible providers as they were written.
    private static readonly string[] SameInChat = ["user", "metadata", "service_tier", "prompt_cache_key", "safety_identifier"];

    public static ResponsesRequest Read(JsonElement body, ModelGateway gateway)
    {
        var name = Text(body, "model") ?? throw new InvalidRequestException("model is required", "model");
        ModelRequestChecks.CheckKnown(gateway, name);
        Refuse(body);
        var messages = new List<ChatMessage>();
        if (Text(body, "instructions") is { } instructions)
        {
            messages.Add(new ChatMessage(ChatRole.System, instructions));
        }

        messages.AddRange(ResponsesInput.Read(body.TryGetProperty("input", out var input) ? input : default));
        var options = new ChatOptions
        {
            ModelId = name,
            Temperature = Number(body, "temperature") is { } t ? (float)t : null,
            TopP = Number(body, "top_p") is { } p ? (float)p : null,
            MaxOutputTokens = Number(body, "max_output_tokens") is { } m ? (int)m : null,
            AllowMultipleToolCalls = body.TryGetProperty("parallel_tool_calls", out var parallel) && parallel.ValueKind is JsonValueKind.True or JsonValueKind.False ? parallel.GetBoolean() : null,
        };
        var model = ModelRequestChecks.Target(gateway, name, messages, options.MaxOutputTokens);
        ModelRequestChecks.Check(gateway, model, messages, options.Temperature, options.TopP, options.MaxOutputTokens, "max_output_tokens", "input");

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var unmapped = new List<string>();
        var tools = ResponsesTools.Read(body, options, fields);
        ResponsesFormat.Read(body, options, fields);
        if (body.TryGetProperty("parallel_tool_calls", out var parallelField) && parallelField.ValueKind is JsonValueKind.True or JsonValueKind.False && fields.ContainsKey("tools"))
        {
            fields["parallel_tool_calls"] = parallelField.Clone(); // the tools go verbatim, so must this
        }

        foreach (var field in SameInChat)
        {
            if (body.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                fields[field] = value.Clone();
                unmapped.Add(field);
            }
        }

        if (body.TryGetProperty("reasoning", out var reasoning) && reasoning.ValueKind == JsonValueKind.Object && reasoning.TryGetProperty("effort", out var effort) && effort.ValueKind == JsonValueKind.String)
        {
            fields["reasoning_effort"] = effort.Clone();
            unmapped.Add("reasoning_effort");
        }

        if (fields.Count > 0)
        {
            new OpenAiPassThrough(fields, unmapped).AttachTo(options);
        }

        var echo = new JsonObject { ["tools"] = tools };
        foreach (var field in Echoed)
        {
            echo[field] = body.TryGetProperty(field, out var value) ? JsonNode.Parse(value.GetRawText()) : null;
        }

        echo["text"] = body.TryGetProperty("text", out var text) ? JsonNode.Parse(text.GetRawText()) : new JsonObject { ["format"] = new JsonObject { ["type"] = "text" } };
        echo["tool_choice"] ??= "auto";
        if (body.TryGetProperty("user", out var user) && user.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            throw new InvalidRequestException("user must be a string (the end user budgets are counted for)", "user");
        }

        return new ResponsesRequest(name, messages, options, body.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True, echo, Text(body, "user"));
    }

    // A stateless gateway: conversations are sent in full, nothing is stored, and only function tools run.
    private static void Refuse(JsonElement body)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!Known.Contains(property.Name) && property.Value.ValueKind != JsonValueKind.Null)
            {
                throw new InvalidRequestException($"'{property.Name}' is not supported by this gateway's Responses API (it takes: {string.Join(", ", Known.Order(StringComparer.Ordinal))})", property.Name);
            }
        }

        if (Text(body, "truncation") is { } truncation && truncation != "disabled")
        {
            throw new InvalidRequestException($"truncation '{truncation}' is not supported: the gateway never truncates the input", "truncation");
        }

        if (Text(body, "previous_response_id") is not null)
        {
            throw new InvalidRequestException("previous_response_id is not supported: this gateway stores no responses; send the whole conversation in input", "previous_response_id");
        }

        if (body.TryGetProperty("store", out var store) && store.ValueKind == JsonValueKind.True)
        {
            throw new InvalidRequestException("store: true is not supported: this gateway stores no responses", "store");
        }

        if (body.TryGetProperty("background", out var background) && background.ValueKind == JsonValueKind.True)
        {
            throw new InvalidRequestException("background: true is not supported", "background");
        }

        if (body.TryGetProperty("include", out var include) && include.ValueKind == JsonValueKind.Array && include.GetArrayLength() > 0)
        {
            throw new InvalidRequestException("include is not supported", "include");
        }
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new InvalidRequestException($"invalid value for '{name}': expected a number", name)
            : null;
}
