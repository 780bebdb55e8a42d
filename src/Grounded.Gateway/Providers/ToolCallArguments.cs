using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Providers;

/// <summary>
/// A tool call's arguments as text, exactly as the model (or the client) wrote them: kept beside the parsed
/// <see cref="FunctionCallContent.Arguments"/>, which cannot hold text that is not a JSON object.
/// </summary>
public static class ToolCallArguments
{
    /// <summary>The key of the text in <see cref="AIContent.AdditionalProperties"/>.</summary>
    public const string Key = "grounded.arguments";

    /// <summary>Returns the arguments as written when known, else the parsed arguments serialized, else <c>{}</c>.</summary>
    public static string Text(FunctionCallContent call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.AdditionalProperties?.TryGetValue(Key, out var raw) == true && raw is string text ? text
            : JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions);
    }

    /// <summary>Returns the text written, when it was recorded.</summary>
    public static string? Raw(FunctionCallContent call) =>
        call?.AdditionalProperties?.TryGetValue(Key, out var raw) == true ? raw as string : null;

    /// <summary>Records the text as written on the call.</summary>
    public static FunctionCallContent WithText(this FunctionCallContent call, string text)
    {
        ArgumentNullException.ThrowIfNull(call);
        (call.AdditionalProperties ??= [])[Key] = text;
        return call;
    }

    /// <summary>Returns the text parsed as a JSON object, or null when it is not one.</summary>
    public static Dictionary<string, object?>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
