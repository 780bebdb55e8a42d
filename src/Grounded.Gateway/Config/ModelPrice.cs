namespace Grounded.Gateway.Config;

/// <summary>What a model charges, in dollars per million tokens.</summary>
/// <param name="InputPerMTok">The price of a million input (prompt) tokens.</param>
/// <param name="OutputPerMTok">The price of a million output (completion) tokens.</param>
/// <param name="CachedInputPerMTok">The price of a million input tokens read from the provider's prompt cache; null: the provider has no cheaper cached price.</param>
public sealed record ModelPrice(double InputPerMTok, double OutputPerMTok, double? CachedInputPerMTok)
{
    /// <summary>Returns the dollars <paramref name="inputTokens"/> (of which <paramref name="cachedInputTokens"/> were cache reads) and <paramref name="outputTokens"/> cost.</summary>
    public double Usd(long inputTokens, long outputTokens, long cachedInputTokens = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(outputTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(cachedInputTokens);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cachedInputTokens, inputTokens);
        return (double)Cost(inputTokens, outputTokens, cachedInputTokens);
    }

    /// <summary>
    /// Returns the same cost in exact decimal dollars: the one formula the gateway's accounting, the budgets' estimates and
    /// <c>grounded cost estimate</c> share. Cached tokens beyond the input tokens count as input tokens.
    /// </summary>
    public decimal Cost(long inputTokens, long outputTokens, long cachedInputTokens = 0)
    {
        var cached = Math.Clamp(cachedInputTokens, 0, inputTokens);
        return (((inputTokens - cached) * (decimal)InputPerMTok)
            + (cached * (decimal)(CachedInputPerMTok ?? InputPerMTok))
            + (outputTokens * (decimal)OutputPerMTok)) / 1_000_000m;
    }
}
