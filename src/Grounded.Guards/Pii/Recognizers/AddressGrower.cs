using System.Text.RegularExpressions;

namespace Grounded.Guards.Pii;

/// <summary>
/// Extends a street over what follows it in an address: units ("Apt. 050"), places and postal codes on the same line,
/// and the lines of an address block below it; a weak street that grows into a block is surer.
/// </summary>
internal sealed partial class AddressGrower(string text, bool cased)
{
    private const int MostSteps = 8;
    private const double Surer = 0.15;

    private static readonly Func<Regex>[] MoreCased = [MoreUnit, MorePostCode, MorePlaceCased, NextLine, AfterBlankLine];
    private static readonly Func<Regex>[] MoreAnyCase = [MoreUnitAnyCase, MorePostCode, MorePlaceAnyCase];

    /// <summary>Returns the address entity of the street at [start, end), grown over what follows it.</summary>
    public PiiEntity Grow(int start, int end, double score)
    {
        var grown = false;
        var corner = start >= 10 && text.AsSpan(Math.Max(0, start - 14), start - Math.Max(0, start - 14)).Contains("corner of", StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < MostSteps && end < text.Length; i++)
        {
            var next = Next(end, corner);
            if (next <= end)
            {
                break;
            }

            end = next;
            grown = true;
            corner = false;
        }

        while (end > start && text[end - 1] is ' ' or ',' or '\t' or '.')
        {
            end--;
        }

        return new PiiEntity(start, end - start, PiiTypes.StreetAddress, grown && score < 0.7 ? score + Surer : score);
    }

    private int Next(int at, bool corner)
    {
        if (corner && CornerSecond().Match(text, at) is { Success: true } second)
        {
            return second.Index + second.Length;
        }

        foreach (var more in cased ? MoreCased : MoreAnyCase)
        {
            var match = more().Match(text, at);
            if (match.Success && match.Length > 0)
            {
                return match.Index + match.Length;
            }
        }

        return at;
    }

    [GeneratedRegex(StreetPatterns.MoreUnit, RegexOptions.CultureInvariant)]
    private static partial Regex MoreUnit();

    [GeneratedRegex(StreetPatterns.MoreUnit, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreUnitAnyCase();

    [GeneratedRegex(StreetPatterns.MorePostCode, RegexOptions.CultureInvariant)]
    private static partial Regex MorePostCode();

    [GeneratedRegex(StreetPatterns.MorePlaceCased, RegexOptions.CultureInvariant)]
    private static partial Regex MorePlaceCased();

    [GeneratedRegex(StreetPatterns.MorePlaceAnyCase, RegexOptions.CultureInvariant)]
    private static partial Regex MorePlaceAnyCase();

    [GeneratedRegex(StreetPatterns.NextLine, RegexOptions.CultureInvariant)]
    private static partial Regex NextLine();

    [GeneratedRegex(StreetPatterns.AfterBlankLine, RegexOptions.CultureInvariant)]
    private static partial Regex AfterBlankLine();

    [GeneratedRegex(StreetPatterns.CornerSecond, RegexOptions.CultureInvariant)]
    private static partial Regex CornerSecond();
}
