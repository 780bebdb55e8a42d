using System.Text;
using System.Text.RegularExpressions;

namespace Grounded.Rag.Ingest;

/// <summary>
/// Finds the charset an HTML page declares (<c>&lt;meta charset&gt;</c>, <c>http-equiv="Content-Type"</c> or an XML
/// declaration), as a browser would: the labels Latin-1 and ASCII mean Windows-1252, as the WHATWG Encoding standard
/// says, because pages that declare them are written in it.
/// </summary>
internal static partial class HtmlCharset
{
    private static readonly HashSet<string> Windows1252Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819", "us-ascii", "ascii", "ansi_x3.4-1968",
    };

    /// <summary>Returns the encoding <paramref name="head"/> (the first bytes of a page) declares, or null when it declares none this runtime knows.</summary>
    public static TextEncoding? Find(ReadOnlySpan<byte> head)
    {
        // The declaration itself is ASCII in every encoding a page can declare in a meta tag; Latin-1 maps bytes 1:1.
        var match = Declaration().Match(Encoding.Latin1.GetString(head));
        if (!match.Success)
        {
            return null;
        }

        var label = match.Groups["label"].Value;
        if (Windows1252Labels.Contains(label))
        {
            return TextEncoding.Windows1252 with { Why = "Windows-1252, the charset the page declares" };
        }

        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(label, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return encoding is null ? null : new TextEncoding(encoding.WebName, encoding, 0, $"{encoding.WebName}, the charset the page declares");
    }

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*(?<label>[A-Za-z0-9._:-]+)|<\?xml\b[^>]*?encoding\s*=\s*["'](?<label>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Declaration();
}
