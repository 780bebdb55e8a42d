using System.Text;

namespace Grounded.Gateway.Cache;

/// <summary>
/// Unicode compatibility normalisation (NFKC) that also holds where the runtime has no ICU: Grounded runs with
/// invariant globalization, where <see cref="string.Normalize(NormalizationForm)"/> leaves text as it is. The
/// compatibility characters typed text actually holds are folded here by hand: full-width letters, digits and
/// punctuation, the ideographic space, Latin ligatures, superscript, subscript and circled digits, and the ellipsis.
/// </summary>
internal static class CompatibilityFold
{
    /// <summary>Returns <paramref name="text"/> in NFKC where the runtime can, with the common compatibility characters folded either way.</summary>
    public static string Apply(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        StringBuilder? folded = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            var replacement = Fold(normalized[i]);
            if (replacement is null)
            {
                folded?.Append(normalized[i]);
                continue;
            }

            folded ??= new StringBuilder(normalized.Length).Append(normalized, 0, i);
            folded.Append(replacement);
        }

        return folded?.ToString() ?? normalized;
    }

    private static string? Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => ((char)(c - 0xFEE0)).ToString(), // full-width ASCII
        '\u3000' => " ",
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        '\u00B9' => "1",
        '\u00B2' => "2",
        '\u00B3' => "3",
        '\u2070' => "0",
        >= '\u2074' and <= '\u2079' => ((char)('4' + (c - '\u2074'))).ToString(),
        >= '\u2080' and <= '\u2089' => ((char)('0' + (c - '\u2080'))).ToString(),
        >= '\u2460' and <= '\u2468' => ((char)('1' + (c - '\u2460'))).ToString(), // ① to ⑨
        >= '\u2469' and <= '\u2473' => (c - '\u2460' + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), // ⑩ to ⑳
        '\u2026' => "...",
        _ => null,
    };
}
