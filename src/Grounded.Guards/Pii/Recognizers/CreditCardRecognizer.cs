using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>
/// Finds payment card numbers: 12 to 19 digits, optionally grouped by single spaces or dashes, that pass the Luhn test
/// and fall in a network's issuer range; a Luhn-valid number outside the known ranges counts only next to a card word.
/// </summary>
internal sealed partial class CreditCardRecognizer : IPiiRecognizer
{
    public string Type => PiiTypes.CreditCard;

    public void Recognize(string text, List<PiiEntity> found)
    {
        Span<char> digits = stackalloc char[19];
        foreach (var match in Candidate().EnumerateMatches(text))
        {
            var count = 0;
            foreach (var c in text.AsSpan(match.Index, match.Length))
            {
                if (char.IsAsciiDigit(c))
                {
                    digits[count++] = c;
                }
            }

            var number = digits[..count];
            if (count is < 12 or > 19 || !Luhn.IsValid(number) || number.IndexOfAnyExcept(number[0]) < 0)
            {
                continue;
            }

            var cue = Cues.Around(CardWords(), text, match.Index, match.Index + match.Length, 40, 30);
            var score = CardIssuers.IsKnown(number) ? (cue ? 1.0 : 0.9) : (cue ? 0.6 : 0);
            if (score > 0)
            {
                found.Add(new PiiEntity(match.Index, match.Length, Type, score));
            }
        }
    }

    // Digits with at most one space or dash between them; not glued to other digits, letters or decimals.
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,-])\d(?:[ -]?\d){11,18}(?![\p{L}\p{N}]|[.,-]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"\b(?:cards?|cc|credit|debit|visa|master ?card|amex|american express|discover|maestro|jcb|diners|union ?pay|payment|pay|charge[ds]?|billing|cvv|cvc|expir\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CardWords();
}
