using System.Text.Json;
using System.Text.Json.Nodes;
using Grounded.Gateway.Failures;
using Grounded.Server.OpenAi;
using Microsoft.Extensions.AI;

namespace Grounded.Server.Responses;

/// <summary>Function tools and <c>tool_choice</c> of a Responses request, as chat options and as the chat-completions fields an OpenAI-compatible provider receives verbatim.</summary>
internal static class ResponsesTools
{
    /// <summary>Sets the tools on <paramref name="options"/>, adds their chat form to <paramref name="fields"/>, and returns them as the response echoes them.</summary>
    public static JsonArray Read(JsonElement body, ChatOptions options, Dictionary<string, JsonElement> fields)
    {
        var echo = new JsonArray();
        if (!body.TryGetProperty("tools", out var tools) || tools.ValueKind == JsonValueKind.Null)
        {
            return echo;
        }

        if (tools.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidRequestException("tools must be an array", "tools");
        }

        var declarations = new List<AITool>();
        var chat = new JsonArray();
        var i = 0;
        foreach (var tool in tools.EnumerateArray())
        {
            var at = $"tools[{i++}]";
            if (ResponsesRequestReader.Text(tool, "type") != "function" || ResponsesRequestReader.Text(tool, "name") is not { Length: > 0 } name)
            {
                throw new InvalidRequestException($"{at}: only function tools with a name are supported (type 'function')", at);
            }

            var description = ResponsesRequestReader.Text(tool, "description");
            var parameters = tool.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();
            bool? strict = tool.TryGetProperty("strict", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : null;
            declarations.Add(new WireFunctionDeclaration(name, description, parameters, strict));
            var function = new JsonObject { ["name"] = name, ["parameters"] = JsonNode.Parse(parameters.GetRawText()) };
            if (description is not null)
            {
                function["description"] = description;
            }

            if (strict is not null)
            {
                function["strict"] = strict;
            }

            chat.Add(new JsonObject { ["type"] = "function", ["function"] = function });
            echo.Add(JsonNode.Parse(tool.GetRawText()));
        }

        options.Tools = declarations;
        fields["tools"] = Element(chat);
        if (body.TryGetProperty("tool_choice", out var choice) && choice.ValueKind != JsonValueKind.Null)
        {
            (options.ToolMode, var wire) = Choice(choice);
            fields["tool_choice"] = Element(wire);
        }

        return echo;
    }

    private static (ChatToolMode Mode, JsonNode Wire) Choice(JsonElement choice) => choice.ValueKind switch
    {
        JsonValueKind.String => choice.GetString() switch
        {
            "auto" => (ChatToolMode.Auto, JsonValue.Create("auto")),
            "none" => (ChatToolMode.None, JsonValue.Create("none")),
            "required" => (ChatToolMode.RequireAny, JsonValue.Create("required")),
            var other => throw new InvalidRequestException($"tool_choice '{other}' is not one of auto, none, required, or a function", "tool_choice"),
        },
        JsonValueKind.Object when ResponsesRequestReader.Text(choice, "type") == "function" && ResponsesRequestReader.Text(choice, "name") is { } name =>
            (ChatToolMode.RequireSpecific(name), new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = name } }),
        _ => throw new InvalidRequestException("tool_choice must be auto, none, required, or {\"type\": \"function\", \"name\": ...}", "tool_choice"),
    };

    internal static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
