using Grounded.Gateway.Config;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Budget;

/// <summary>
/// The most a request can cost, before it is made: its prompt tokens at the input price plus its output limit at the output price.
/// The prices are the highest of the models that may serve it: the requested model and its fallbacks, or every configured model
/// when the request names a route (resolved later) rather than a model.
/// </summary>
internal readonly record struct CostEstimate(long PromptTokens, long MaxOutputTokens, bool OutputLimitDefaulted, decimal InputPerMTok, decimal OutputPerMTok, string? Model)
{
    /// <summary>Gets the most tokens the request can use.</summary>
    public long Tokens => PromptTokens + MaxOutputTokens;

    /// <summary>Gets the most dollars the request can cost.</summary>
    public decimal Amount => Price(PromptTokens, MaxOutputTokens, InputPerMTok, OutputPerMTok);

    public static CostEstimate Of(GatewayOptions gateway, ChatOptions? options, long promptTokens)
    {
        var model = options?.ModelId is { } id ? gateway.Find(id) : null;
        IReadOnlyList<ModelOptions> candidates = model is null
            ? gateway.Models
            : [model, .. (gateway.Fallbacks.GetValueOrDefault(model.Name) ?? []).Select(gateway.Find).OfType<ModelOptions>()];
        var output = options?.MaxOutputTokens ?? (candidates.Count == 0 ? 0 : candidates.Max(m => m.MaxOutputTokens));
        return new CostEstimate(
            promptTokens,
            Math.Max(0, output),
            options?.MaxOutputTokens is null,
            candidates.Count == 0 ? 0 : candidates.Max(m => (decimal)m.InputPerMTok),
            candidates.Count == 0 ? 0 : candidates.Max(m => (decimal)m.OutputPerMTok),
            model?.Name);
    }

    /// <summary>Returns what <paramref name="outputTokens"/> written so far cost, with the prompt, at <paramref name="served"/>'s prices (else these).</summary>
    public decimal Partial(long outputTokens, ModelOptions? served) => served is null
        ? Price(PromptTokens, outputTokens, InputPerMTok, OutputPerMTok)
        : served.Cost(PromptTokens, outputTokens);

    private static decimal Price(long input, long output, decimal inputPerMTok, decimal outputPerMTok) =>
        new ModelPrice((double)inputPerMTok, (double)outputPerMTok, null).Cost(input, output);
}
