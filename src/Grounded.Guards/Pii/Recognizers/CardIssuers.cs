namespace Grounded.Guards.Pii;

/// <summary>
/// The issuer identification number (IIN) ranges of the major card networks and their number lengths, as the networks
/// publish them: a Luhn-valid number outside every range is more likely an order or account number than a card.
/// </summary>
internal static class CardIssuers
{
    // (first prefix, last prefix, prefix digits, shortest number, longest number)
    private static readonly (int From, int To, int Digits, int MinLength, int MaxLength)[] Ranges =
    [
        (4, 4, 1, 13, 19),              // Visa (13, 16 and 19 digits)
        (51, 55, 2, 16, 16),            // Mastercard
        (2221, 2720, 4, 16, 16),        // Mastercard 2-series
        (34, 34, 2, 15, 15),            // American Express
        (37, 37, 2, 15, 15),
        (300, 305, 3, 14, 19),          // Diners Club International
        (3095, 3095, 4, 14, 19),
        (36, 36, 2, 14, 19),
        (38, 39, 2, 14, 19),
        (6011, 6011, 4, 16, 19),        // Discover
        (644, 649, 3, 16, 19),
        (65, 65, 2, 16, 19),
        (3528, 3589, 4, 16, 19),        // JCB
        (1800, 1800, 4, 15, 15),        // JCB (older 15-digit ranges)
        (2131, 2131, 4, 15, 15),
        (62, 62, 2, 16, 19),            // UnionPay
        (2200, 2204, 4, 16, 19),        // Mir
        (50, 50, 2, 12, 19),            // Maestro (12 to 19 digits)
        (56, 69, 2, 12, 19),
        (60, 60, 2, 16, 16),            // RuPay
        (81, 82, 2, 16, 16),
        (9792, 9792, 4, 16, 16),        // Troy
        (1, 1, 1, 15, 15),              // UATP
    ];

    /// <summary>Returns whether a network issues card numbers of this length starting with these digits.</summary>
    public static bool IsKnown(ReadOnlySpan<char> digits)
    {
        foreach (var (from, to, count, min, max) in Ranges)
        {
            if (digits.Length < min || digits.Length > max)
            {
                continue;
            }

            var prefix = int.Parse(digits[..count], provider: System.Globalization.CultureInfo.InvariantCulture);
            if (prefix >= from && prefix <= to)
            {
                return true;
            }
        }

        return false;
    }
}
