using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Grounded.Guards.Pii;

/// <summary>
/// Finds telephone numbers in two passes. libphonenumber's matcher reads numbers valid in the default region (US) and
/// international numbers (<c>+41 62 585 51 90</c>, <c>+1-984-182-0190</c>) in any region. Numbers written in another
/// country's national format (<c>0487 98 11 92</c>, <c>01.84.17.61.18</c>) cannot be told apart from other digit groups
/// by their shape alone, so the second pass takes phone-shaped digit groups only next to a phone word ("Phone:",
/// "call me on", "fax", "mobile").
/// </summary>
internal sealed partial class PhoneRecognizer(string defaultRegion = "US") : IPiiRecognizer
{
    private const int FewestDigits = 7;
    private const int MostDigits = 15;
    private const long MaxTries = 8;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string Type => PiiTypes.Phone;

    public void Recognize(string text, List<PiiEntity> found)
    {
        if (CountDigits(text) < FewestDigits)
        {
            return;
        }

        // libphonenumber's matcher is run on each phone-shaped candidate rather than on the whole text: its own scan
        // costs about a millisecond per 10,000 characters, the generated pattern a few microseconds.
        foreach (var candidate in Shape().EnumerateMatches(text))
        {
            var digits = CountDigits(text.AsSpan(candidate.Index, candidate.Length));
            if (digits is < FewestDigits or > MostDigits || DateLike().IsMatch(text.AsSpan(candidate.Index, candidate.Length)))
            {
                continue;
            }

            var before = Cues.Before(PhoneWords(), text, candidate.Index, 30);
            var after = Cues.After(PhoneWords(), text, candidate.Index + candidate.Length, 12);
            var matched = false;
            foreach (var match in Util.FindNumbers(text.Substring(candidate.Index, candidate.Length), defaultRegion, PhoneNumberUtil.Leniency.VALID, MaxTries))
            {
                var international = match.RawString.StartsWith('+');
                found.Add(new PiiEntity(candidate.Index + match.Start, match.Length, Type, (international ? 0.85 : 0.75) + (before || after ? 0.1 : 0)));
                matched = true;
            }

            if (!matched && (before || after))
            {
                found.Add(new PiiEntity(candidate.Index, candidate.Length, Type, 0.65));
            }
        }
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return count;
    }

    // An optional "+" and "(area)", then digit groups joined by single separators or a "(0)" trunk prefix, and an extension.
    [GeneratedRegex(@"(?<![\p{L}\p{N}+(./-])(?:\+[ ]?)?(?:\(\d{1,4}\)[ ]?)?\d{1,12}(?:(?:[ .\-/]|[ ]?\(\d{1,4}\)[ ]?)\d{1,8}){0,6}(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?(?![\p{L}\p{N}]|[./:-]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    // Calendar dates (2018-02-24, 24/02/2018, 24.02.2018) and anything before a clock time are not phone numbers.
    [GeneratedRegex(@"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([./-])\d{1,2}\1(?:19|20)\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\b(?:phone|phones|telephone|tel|mobile|mob|cell|cellphone|fax|desk|office|landline|hotline|call|calling|ring|dial|text|sms|whatsapp|messages?|answering|reach|contact|ext)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneWords();
}
