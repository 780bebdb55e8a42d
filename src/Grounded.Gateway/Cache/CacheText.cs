using System.Text;

namespace Grounded.Gateway.Cache;

/// <summary>The normalised form of a request's text that the semantic cache keys and embeds.</summary>
/// <remarks>
/// Only differences that never change meaning are removed: Unicode compatibility forms (NFKC: full-width letters,
/// ligatures, superscript digits — folded by hand too, since under invariant globalization the runtime's NFKC does
/// nothing), letter case, typographic apostrophes and quotes, and runs of white space.
/// Numbers, negations and punctuation are kept as written.
/// </remarks>
public static class CacheText
{
    /// <summary>Returns <paramref name="text"/> in NFKC, lower case, with typographic quotes made plain and white space collapsed and trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compatible = CompatibilityFold.Apply(text);
        var builder = new StringBuilder(compatible.Length);
        var pendingSpace = false;
        foreach (var c in compatible)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(Plain(char.ToLowerInvariant(c)));
        }

        return builder.ToString();
    }

    internal static char Plain(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u2033' => '"',
        _ => c,
    };
}
