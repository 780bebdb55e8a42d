using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Grounded.Agents.Tools;

/// <summary>Turns what a tool returned into the text the model is shown, and cuts text that is too long, saying so.</summary>
internal static class ToolResults
{
    /// <summary>The start of every error result a tool returns: the model reads it as "this call failed, here is why".</summary>
    public const string ErrorPrefix = "Error: ";

    /// <summary>Returns an error result: one line the model can act on.</summary>
    public static string Error(string message) => ErrorPrefix + message;

    /// <summary>Returns whether <paramref name="text"/> is an error result made by <see cref="Error"/>.</summary>
    public static bool IsError(string text) => text.StartsWith(ErrorPrefix, StringComparison.Ordinal);

    /// <summary>Returns <paramref name="text"/> on one line (line breaks become spaces): how failures are told, in results and in runs.</summary>
    public static string OneLine(string text) => (text ?? string.Empty).ReplaceLineEndings(" ").Trim();

    /// <summary>Returns a result as text: a string as it is, a JSON element as its JSON, anything else serialized as JSON.</summary>
    public static string ToText(object? result) => result switch
    {
        null => "null",
        string text => text,
        JsonElement element => element.GetRawText(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType())),
    };

    /// <summary>
    /// Returns <paramref name="text"/> cut at <paramref name="maxChars"/> characters with a note saying how much was cut, whether
    /// it was cut, and its size in UTF-8 bytes before cutting.
    /// </summary>
    public static (string Text, bool Truncated, int Bytes) Cap(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (text.Length <= maxChars)
        {
            return (text, false, bytes);
        }

        var cut = maxChars;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never split a surrogate pair
        }

        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"… [cut: {text.Length:N0} characters, showing the first {cut:N0}]");
        return (text[..cut] + note, true, bytes);
    }
}
