namespace Grounded.Hosting.Config;

/// <summary>
/// A model's prices: its <c>price</c> config when it has one, else the built-in table's for its provider model id, else
/// free (a local model). Negative prices are problems.
/// </summary>
internal static class ModelPrices
{
    public static (double InputPerMTok, double OutputPerMTok, double? CachedInputPerMTok, string Source) Resolve(
        PriceDocument? price, string? providerModel, string label, List<string> problems)
    {
        var known = providerModel is not null && Gateway.Config.KnownPrices.TryFind(providerModel, out var table) ? table : null;
        if (price is not null && (price.InputPerMTok ?? price.OutputPerMTok ?? price.CachedInputPerMTok) is not null)
        {
            foreach (var (name, value) in new[] { ("inputPerMTok", price.InputPerMTok), ("outputPerMTok", price.OutputPerMTok), ("cachedInputPerMTok", price.CachedInputPerMTok) })
            {
                if (value is < 0 || (value is { } v && !double.IsFinite(v)))
                {
                    problems.Add($"{label}: price.{name} must be a non-negative number of dollars per million tokens (got {value})");
                }
            }

            // A price block that gives some prices takes the others from the built-in table, never a silent zero.
            return (price.InputPerMTok ?? known?.InputPerMTok ?? 0, price.OutputPerMTok ?? known?.OutputPerMTok ?? 0,
                price.CachedInputPerMTok ?? (price.InputPerMTok is null ? known?.CachedInputPerMTok : null), "config");
        }

        return known is not null
            ? (known.InputPerMTok, known.OutputPerMTok, known.CachedInputPerMTok, $"builtin ({Gateway.Config.KnownPrices.AsOf})")
            : (0, 0, null, "none");
    }
}
