using System.Globalization;
using System.Text.Json;

namespace Grounded.Agents.Tools;

/// <summary>
/// Reads a call's arguments whether they are <see cref="JsonElement"/>s (as parsed from the model's JSON) or plain values
/// (as a test or the runner passes them); a missing or mistyped argument throws <see cref="ToolArgumentException"/>.
/// </summary>
internal readonly struct ToolCallArguments(IReadOnlyDictionary<string, object?> values)
{
    /// <summary>Returns the string argument <paramref name="name"/>, which must be present and not blank.</summary>
    public string RequiredString(string name)
    {
        var value = OptionalString(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new ToolArgumentException($"{name}: required, a non-empty string")
            : value;
    }

    /// <summary>Returns the string argument <paramref name="name"/>, or null when it is absent.</summary>
    public string? OptionalString(string name) => Value(name) switch
    {
        null => null,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        _ => throw new ToolArgumentException($"{name}: must be a string"),
    };

    /// <summary>Returns the integer argument <paramref name="name"/> within [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when absent.</summary>
    public int Integer(string name, int fallback, int min, int max)
    {
        long? value = Value(name) switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            JsonElement { ValueKind: JsonValueKind.Number } element when element.TryGetInt64(out var n) => n,
            JsonElement { ValueKind: JsonValueKind.Number } element when IsWhole(element.GetDouble()) => (long)element.GetDouble(),
            JsonElement { ValueKind: JsonValueKind.String } element when long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            int n => n,
            long n => n,
            double d when IsWhole(d) => (long)d,
            string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => throw new ToolArgumentException($"{name}: must be an integer"),
        };
        if (value is null)
        {
            return fallback;
        }

        return value < min || value > max
            ? throw new ToolArgumentException($"{name}: must be between {min} and {max}, was {value}")
            : (int)value.Value;
    }

    private object? Value(string name) => values.TryGetValue(name, out var value) ? value : null;

    private static bool IsWhole(double value) => double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < long.MaxValue;
}
