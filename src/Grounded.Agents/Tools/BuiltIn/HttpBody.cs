using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Grounded.Agents.Tools;

/// <summary>A response body as <c>http_get</c> shows it: text (HTML reduced to its words), read up to a byte limit.</summary>
/// <param name="ContentType">The media type, or an empty string when the server sent none.</param>
/// <param name="Text">The body's text, or a note saying a binary body is not shown.</param>
/// <param name="Cut">Whether the body was longer than the limit.</param>
internal sealed partial record HttpBody(string ContentType, string Text, bool Cut)
{
    /// <summary>Reads at most <paramref name="maxBytes"/> of <paramref name="content"/>.</summary>
    public static async Task<HttpBody> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var mediaType = content.Headers.ContentType?.MediaType ?? string.Empty;
        var (buffer, cut) = await BoundedBody.ReadBytesAsync(content, maxBytes, cancellationToken).ConfigureAwait(false);
        var length = buffer.Length;
        if (!IsText(mediaType))
        {
            return new HttpBody(mediaType, $"[binary content ({mediaType}), {length:N0}{(cut ? "+" : string.Empty)} bytes, not shown]", cut);
        }

        var text = Encoding(content).GetString(buffer, 0, length);
        if (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            text = HtmlToText(text);
        }

        return new HttpBody(mediaType, text, cut);
    }

    private static bool IsText(string mediaType) => mediaType.Length == 0 || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || mediaType.Contains("javascript", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("yaml", StringComparison.OrdinalIgnoreCase);

    private static Encoding Encoding(HttpContent content)
    {
        try
        {
            return content.Headers.ContentType?.CharSet is { Length: > 0 } charset
                ? System.Text.Encoding.GetEncoding(charset.Trim('"'))
                : System.Text.Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            return System.Text.Encoding.UTF8;
        }
    }

    /// <summary>Returns the words of an HTML page: scripts, styles and tags dropped, entities decoded, blank runs collapsed.</summary>
    internal static string HtmlToText(string html)
    {
        string text;
        try
        {
            text = Hidden().Replace(html, " ");
            text = Blocks().Replace(text, "\n");
            text = Tags().Replace(text, string.Empty);
            text = Spaces().Replace(WebUtility.HtmlDecode(text), " ");
        }
        catch (RegexMatchTimeoutException)
        {
            return html; // a pathological page: show it as it is rather than spend the run's time
        }

        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"<(script|style|noscript|template|svg|head)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(br|/?p|/?div|/?li|/?tr|/?h[1-6]|/?section|/?article|/?ul|/?ol|/?table|/?pre|/?blockquote)\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Blocks();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\f\v\u00a0]+", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Spaces();
}
