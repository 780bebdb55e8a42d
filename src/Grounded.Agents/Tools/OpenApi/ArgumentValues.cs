using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools.OpenApi;

/// <summary>Turns the model's argument values (JSON elements, or plain .NET values from a caller) into request text and JSON.</summary>
internal static class ArgumentValues
{
    /// <summary>Returns the value as it goes into a path segment, query string or header: strings unquoted, anything else as JSON.</summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ToJson(value),
    };

    /// <summary>Returns the items of an array value (for a repeated query parameter), or null when the value is not an array.</summary>
    public static IEnumerable<object>? Items(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(item => (object)item),
        string => null,
        System.Collections.IEnumerable items => items.Cast<object>(),
        _ => null,
    };

    /// <summary>Returns the value as JSON text (a request body).</summary>
    public static string ToJson(object? value) => value switch
    {
        JsonElement e => e.GetRawText(),
        _ => JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value?.GetType() ?? typeof(object))),
    };

    /// <summary>Whether the value is absent: missing, null or JSON null.</summary>
    public static bool IsMissing(object? value) => value is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };
}
