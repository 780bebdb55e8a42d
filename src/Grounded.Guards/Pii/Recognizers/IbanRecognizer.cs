using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>
/// Finds IBANs, written together or in groups separated by single spaces, in any case: the country's length and the
/// mod-97 checksum must both hold, so a mistyped or invented number is not reported.
/// </summary>
internal sealed partial class IbanRecognizer : IPiiRecognizer
{
    private const int LongestIban = 34;

    public string Type => PiiTypes.Iban;

    public void Recognize(string text, List<PiiEntity> found)
    {
        Span<char> iban = stackalloc char[LongestIban];
        foreach (var match in Start().EnumerateMatches(text))
        {
            var length = IbanCountries.LengthOf(text.AsSpan(match.Index, 2));
            if (length == 0)
            {
                continue;
            }

            // Take exactly the country's number of characters, allowing one space between groups.
            var count = 0;
            var at = match.Index;
            while (count < length && at < text.Length)
            {
                var c = text[at];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    iban[count++] = c;
                    at++;
                }
                else if (c == ' ' && count >= 4 && at + 1 < text.Length && char.IsAsciiLetterOrDigit(text[at + 1]))
                {
                    at++;
                }
                else
                {
                    break;
                }
            }

            var gluedToMore = at < text.Length && char.IsLetterOrDigit(text[at]);
            if (count == length && !gluedToMore && IbanCountries.ChecksumIsValid(iban[..count]))
            {
                found.Add(new PiiEntity(match.Index, at - match.Index, Type, 1.0));
            }
        }
    }

    // A country code and two check digits at the start of a word.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex Start();
}
