namespace Grounded.Usage;

/// <summary>Dollars as the ledgers keep them: whole billionths, so sums are exact.</summary>
public static class NanoDollars
{
    /// <summary>Returns <paramref name="usd"/> in billionths of a dollar, rounded.</summary>
    public static long From(decimal usd) => (long)Math.Round(usd * 1_000_000_000m, MidpointRounding.AwayFromZero);

    /// <summary>Returns billionths of a dollar in dollars.</summary>
    public static decimal ToUsd(long nano) => nano / 1_000_000_000m;
}
