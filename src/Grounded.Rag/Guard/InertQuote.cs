using System.Text.RegularExpressions;

namespace Grounded.Rag.Guard;

/// <summary>
/// Wraps a chunk flagged as a prompt injection as quoted data (<c>[quoted data]</c> … <c>[/quoted data]</c>), which the
/// answer prompt (<c>grounded-answer@2.0.0</c>) tells the model never to follow. Markers already in the text are removed
/// first, so the text cannot close its quote early and write outside it.
/// </summary>
internal static partial class InertQuote
{
    /// <summary>The line that opens quoted data.</summary>
    public const string Open = "[quoted data]";

    /// <summary>The line that closes quoted data.</summary>
    public const string Close = "[/quoted data]";

    /// <summary>Returns the text quoted as inert data.</summary>
    public static string Wrap(string text) => $"{Open}\n{Marker().Replace(text, string.Empty).Trim()}\n{Close}";

    [GeneratedRegex(@"\[\s*/?\s*quoted\s+data\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();
}
