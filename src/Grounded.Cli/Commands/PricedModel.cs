using Grounded.Gateway.Config;

namespace Grounded.Cli.Commands;

/// <summary>A model <c>grounded cost estimate</c> prices: its name, the provider's id for it, its price and where the price came from.</summary>
internal sealed record PricedModel(string Name, string ProviderModel, ModelPrice Price, string Source)
{
    public const string FromConfig = "config";

    public static string BuiltIn => $"builtin ({KnownPrices.AsOf})";

    /// <summary>
    /// Resolves the names given with <c>--model</c>: a configured model (priced by its config, or by the built-in table
    /// when the config gives it no price), else a well-known provider model id; none given means every configured model.
    /// </summary>
    public static IReadOnlyList<PricedModel> Resolve(IReadOnlyList<string> names, GatewayOptions gateway)
    {
        if (names.Count == 0)
        {
            return gateway.Models.Count > 0
                ? [.. gateway.Models.Select(Configured)]
                : throw new UserInputException($"no models to price: configure some (--config FILE or $GROUNDED_CONFIG) or name them with --model (well-known: {Known()})");
        }

        return [.. names.Distinct(StringComparer.Ordinal).Select(name => gateway.Find(name) is { } model ? Configured(model)
            : KnownPrices.TryFind(name, out var price) ? new PricedModel(name, name, price, BuiltIn)
            : throw new UserInputException($"--model '{name}' is neither a configured model (configured: {(gateway.Models.Count == 0 ? "none" : string.Join(", ", gateway.Models.Select(m => m.Name)))}) nor a well-known model id (known: {Known()})"))];
    }

    // The configuration already gave a model without a price block the table's price, and says so.
    private static PricedModel Configured(ModelOptions model) =>
        new(model.Name, model.ProviderModel, model.Price, model.PriceSource);

    private static string Known() => string.Join(", ", KnownPrices.ModelIds.Order(StringComparer.Ordinal));
}
