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
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string Type => PiiTypes.Phone;

    public void Recognize(string text, List<PiiEntity> found)
    {
        if (CountDigits(text) < FewestDigits)
        {
            return;
        }

        foreach (var match in Util.FindNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            var cue = Cues.Around(PhoneWords(), text, match.Start, match.Start + match.Length, 30, 12);
            var international = match.RawString.StartsWith('+');
            found.Add(new PiiEntity(match.Start, match.Length, Type, (international ? 0.85 : 0.75) + (cue ? 0.1 : 0)));
        }

        foreach (var match in Shape().EnumerateMatches(text))
        {
            var digits = CountDigits(text.AsSpan(match.Index, match.Length));
            if (digits is >= FewestDigits and <= MostDigits
                && (Cues.Before(PhoneWords(), text, match.Index, 30) || Cues.After(PhoneWords(), text, match.Index + match.Length, 12)))
            {
                found.Add(new PiiEntity(match.Index, match.Length, Type, 0.65));
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
    [GeneratedRegex(@"(?<![\p{L}\p{N}+(./-])(?:\+\s?)?(?:\(\d{1,4}\)\s?)?\d{1,12}(?:(?:[ .\-/]|\s?\(\d{1,4}\)\s?)\d{1,8}){0,6}(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\p{L}\p{N}]|[./-]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"\b(?:phone|phones|telephone|tel|mobile|mob|cell|cellphone|fax|desk|office|landline|hotline|call|calling|ring|dial|text|sms|whatsapp|messages?|answering|reach|contact|ext)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneWords();
}
