namespace Grounded.Rag.Ingest;

/// <summary>
/// Estimates how deep an HTML page nests its elements before it is parsed: AngleSharp's tree builder checks the stack of
/// open elements for every tag, so parsing time grows with the square of the depth (30,000 nested divs took 7 s), and
/// browsers cap the depth (Chromium at 512) where AngleSharp does not.
/// </summary>
/// <remarks>
/// The estimate follows the tags as written: elements that never nest or whose end tags are implied (p, li, td, void
/// elements and their kin) are not counted, an end tag closes up to its open element, and script, style and the like
/// are skipped as raw text. It can only under-count, never refuse a page a browser would render flat.
/// </remarks>
internal static class HtmlNesting
{
    /// <summary>The deepest element nesting an HTML page may have, as in Chromium.</summary>
    public const int MaxDepth = 512;

    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "option", "optgroup", "rb", "rt", "rp", "rtc",
        "a", "nobr", "button", "form", "h1", "h2", "h3", "h4", "h5", "h6", "html", "head", "body", "frameset", "frame",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext" };

    /// <summary>Returns whether the page nests elements deeper than <see cref="MaxDepth"/>, as far as its tags show.</summary>
    public static bool TooDeep(string html)
    {
        var open = new List<string>();
        var foreign = 0; // open svg and math elements: inside them "/>" closes an element
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                i = Skip(html, i + 4, "-->");
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] is '-' or ':' or '_'))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                i = start; // "<!DOCTYPE", "<?xml", a lone "<": not a tag that opens anything
                continue;
            }

            var name = html[start..end];
            var close = html.IndexOf('>', end);
            if (close < 0)
            {
                break;
            }

            i = close + 1;
            if (closing)
            {
                var at = open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    foreign -= open.Skip(at).Count(IsForeign);
                    open.RemoveRange(at, open.Count - at);
                }
            }
            else if (RawText.Contains(name))
            {
                i = Skip(html, i, "</" + name);
            }
            else if (!NotCounted.Contains(name) && !(foreign > 0 && html[close - 1] == '/'))
            {
                open.Add(name);
                foreign += IsForeign(name) ? 1 : 0;
                if (open.Count > MaxDepth)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsForeign(string name) => name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);

    private static int Skip(string html, int from, string to)
    {
        var at = html.IndexOf(to, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at + to.Length;
    }
}
