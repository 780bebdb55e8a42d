namespace Grounded.Guards.Pii;

/// <summary>The Luhn (mod 10) check digit test that payment card numbers pass.</summary>
internal static class Luhn
{
    /// <summary>Returns whether the digits (nothing else) pass the Luhn test.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return digits.Length > 0 && sum % 10 == 0;
    }
}
