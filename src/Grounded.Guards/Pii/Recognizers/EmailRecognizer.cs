using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>Finds e-mail addresses: a local part, <c>@</c>, and a domain whose last label is 2 or more letters.</summary>
internal sealed partial class EmailRecognizer : IPiiRecognizer
{
    private const int LongestLocalPart = 64;
    private const int LongestDomain = 255;

    public string Type => PiiTypes.Email;

    // Scanning from each '@' outwards, instead of trying the pattern at every character, keeps a long text without
    // addresses to one vectorized IndexOf.
    public void Recognize(string text, List<PiiEntity> found)
    {
        var lastEnd = 0;
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > lastEnd && at - start < LongestLocalPart && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < text.Length && end - at <= LongestDomain && IsDomainChar(text[end]))
            {
                end++;
            }

            var match = Address().Match(text, start, end - start);
            var inUrl = start > 0 && text[start - 1] is '/' or ':';
            if (match.Success && !inUrl)
            {
                found.Add(new PiiEntity(match.Index, match.Length, Type, 0.95));
                lastEnd = match.Index + match.Length;
            }
        }
    }

    // The characters people put in addresses (RFC 5322 allows more, such as '/' and '=', which more often belong to a URL or a command line).
    private static bool IsLocalChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'';

    private static bool IsDomainChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '.';

    // A dot-atom local part of the usual characters, then labels of letters, digits and inner hyphens.
    [GeneratedRegex(@"[\p{L}\p{N}_%+'-]+(?:\.[\p{L}\p{N}_%+'-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-])", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
