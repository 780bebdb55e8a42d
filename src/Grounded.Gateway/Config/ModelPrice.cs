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
        var cached = cachedInputTokens * (CachedInputPerMTok ?? InputPerMTok);
        return ((inputTokens - cachedInputTokens) * InputPerMTok + cached + outputTokens * OutputPerMTok) / 1_000_000;
    }
}
