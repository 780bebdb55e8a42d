using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Grounded.Gateway.Config;

/// <summary>
/// The published list prices of well-known provider model ids (OpenAI and Anthropic, standard tier, text tokens), as
/// they stood on <see cref="AsOf"/>: what a model is priced at when its config gives no <c>price</c>. Providers change
/// prices; a model's <c>price</c> in the config overrides this table and should be set whenever the table is stale.
/// </summary>
/// <remarks>
/// Cached input is the provider's price for prompt tokens read from its cache (Anthropic's cache reads; writing
/// Anthropic's cache, batch discounts and long-context surcharges are not modelled). Embedding models have no output price.
/// </remarks>
public static partial class KnownPrices
{
    /// <summary>The date the prices were taken from the providers' published price lists.</summary>
    public const string AsOf = "2025-11-24";

    private static readonly Dictionary<string, ModelPrice> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        // OpenAI, https://openai.com/api/pricing
        ["gpt-5"] = new(1.25, 10.00, 0.125),
        ["gpt-5-mini"] = new(0.25, 2.00, 0.025),
        ["gpt-5-nano"] = new(0.05, 0.40, 0.005),
        ["gpt-4.1"] = new(2.00, 8.00, 0.50),
        ["gpt-4.1-mini"] = new(0.40, 1.60, 0.10),
        ["gpt-4.1-nano"] = new(0.10, 0.40, 0.025),
        ["gpt-4o"] = new(2.50, 10.00, 1.25),
        ["gpt-4o-2024-05-13"] = new(5.00, 15.00, null), // the first gpt-4o snapshot kept its launch price
        ["gpt-4o-mini"] = new(0.15, 0.60, 0.075),
        ["o1"] = new(15.00, 60.00, 7.50),
        ["o3"] = new(2.00, 8.00, 0.50),
        ["o3-mini"] = new(1.10, 4.40, 0.55),
        ["o4-mini"] = new(1.10, 4.40, 0.275),
        ["text-embedding-3-small"] = new(0.02, 0, null),
        ["text-embedding-3-large"] = new(0.13, 0, null),
        ["text-embedding-ada-002"] = new(0.10, 0, null),

        // Anthropic, https://www.anthropic.com/pricing#api (cached input = cache reads)
        ["claude-opus-4-5"] = new(5.00, 25.00, 0.50),
        ["claude-opus-4-1"] = new(15.00, 75.00, 1.50),
        ["claude-opus-4"] = new(15.00, 75.00, 1.50),
        ["claude-opus-4-0"] = new(15.00, 75.00, 1.50),
        ["claude-sonnet-4-5"] = new(3.00, 15.00, 0.30),
        ["claude-sonnet-4"] = new(3.00, 15.00, 0.30),
        ["claude-sonnet-4-0"] = new(3.00, 15.00, 0.30),
        ["claude-3-7-sonnet"] = new(3.00, 15.00, 0.30),
        ["claude-3-5-sonnet"] = new(3.00, 15.00, 0.30),
        ["claude-haiku-4-5"] = new(1.00, 5.00, 0.10),
        ["claude-3-5-haiku"] = new(0.80, 4.00, 0.08),
        ["claude-3-haiku"] = new(0.25, 1.25, 0.03),
        ["claude-3-opus"] = new(15.00, 75.00, 1.50),
    };

    /// <summary>Gets the model ids the table prices, as the providers name them (without snapshot dates).</summary>
    public static IReadOnlyCollection<string> ModelIds => Table.Keys;

    /// <summary>
    /// Finds the price of a provider model id: the id itself, else the model a dated snapshot or alias belongs to
    /// (<c>gpt-4o-2024-08-06</c> → gpt-4o, <c>claude-sonnet-4-20250514</c> and <c>claude-3-5-haiku-latest</c> → their
    /// model), also behind a router's <c>provider/</c> prefix (<c>openai/gpt-4o</c>). Returns false for ids it does not know.
    /// </summary>
    public static bool TryFind(string providerModelId, [MaybeNullWhen(false)] out ModelPrice price)
    {
        ArgumentNullException.ThrowIfNull(providerModelId);
        var id = providerModelId.Trim();
        id = id[(id.LastIndexOf('/') + 1)..];
        if (Table.TryGetValue(id, out price))
        {
            return true;
        }

        // A snapshot suffix cannot make one model id look like another: "o3-mini" is not a snapshot of "o3".
        foreach (var (model, known) in Table)
        {
            if (id.Length > model.Length && id.StartsWith(model, StringComparison.OrdinalIgnoreCase) && Snapshot().IsMatch(id.AsSpan(model.Length)))
            {
                price = known;
                return true;
            }
        }

        price = null;
        return false;
    }

    // -2024-08-06 (OpenAI), -20250514 (Anthropic), @20250514 (Vertex AI), -0613 (older OpenAI), -latest.
    [GeneratedRegex(@"^(-\d{4}-\d{2}-\d{2}|-\d{8}|@\d{8}|-\d{4}|-latest)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Snapshot();
}
