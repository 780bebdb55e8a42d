using System.Collections.Frozen;

namespace Grounded.Guards.Pii;

/// <summary>The length of an IBAN in each country that issues them (ISO 13616 registry).</summary>
internal static class IbanCountries
{
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DJ"] = 27,
        ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FK"] = 18, ["FO"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22,
        ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32,
        ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19,
        ["MN"] = 20, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24, ["SC"] = 31,
        ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23,
        ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the IBAN length of the country whose upper-case code is given, or 0 for a country without IBANs.</summary>
    public static int LengthOf(ReadOnlySpan<char> country)
    {
        Span<char> code = [char.ToUpperInvariant(country[0]), char.ToUpperInvariant(country[1])];
        return Lengths.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out var length) ? length : 0;
    }

    /// <summary>Returns whether the IBAN's characters (no spaces, any case) pass the ISO 7064 mod 97-10 check.</summary>
    public static bool ChecksumIsValid(ReadOnlySpan<char> iban)
    {
        // Move the country code and check digits to the end, read letters as 10..35, and take the remainder as we go.
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = char.ToUpperInvariant(iban[(i + 4) % iban.Length]);
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }
}
