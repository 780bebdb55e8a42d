namespace Grounded.Gateway.Config;

/// <summary>One model clients can name, and the provider that serves it.</summary>
public sealed record ModelOptions
{
    /// <summary>Gets the name clients send.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the provider: <c>openai</c> (any OpenAI-compatible server) or <c>anthropic</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the provider's base URL; null means the provider's default (Anthropic only).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Gets the provider's model id.</summary>
    public required string ProviderModel { get; init; }

    /// <summary>Gets the environment variable holding the API key, if any.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Gets the context window in tokens.</summary>
    public required int ContextWindow { get; init; }

    /// <summary>Gets the most tokens one response may have.</summary>
    public required int MaxOutputTokens { get; init; }

    /// <summary>Gets the tokenizer encoding used to count prompt tokens.</summary>
    /// <value>The default is <c>o200k_base</c>.</value>
    public string Encoding { get; init; } = "o200k_base";

    /// <summary>Gets the price in dollars per million input tokens.</summary>
    public double InputPerMTok { get; init; }

    /// <summary>Gets the price in dollars per million output tokens.</summary>
    public double OutputPerMTok { get; init; }

    /// <summary>
    /// Gets the most tokens of retrieved evidence an answer this model writes may be given (<c>contextBudget</c>): beyond it the
    /// evidence is compressed to its most relevant sentences. Null gives the evidence whole.
    /// </summary>
    public int? ContextBudget { get; init; }

    /// <summary>Gets the price in dollars per million input tokens the provider served from its prompt cache.</summary>
    /// <value>The default is null: cached input tokens cost as much as other input tokens.</value>
    public double? CachedInputPerMTok { get; init; }

    /// <summary>Gets where the prices come from: <c>config</c>, <c>builtin (YYYY-MM-DD)</c> (the built-in table and the day it was taken), or <c>none</c> (free).</summary>
    /// <value>The default is <c>config</c>.</value>
    public string PriceSource { get; init; } = "config";

    /// <summary>Returns the cost in dollars of <paramref name="inputTokens"/> (of which <paramref name="cachedInputTokens"/> came from the provider's prompt cache) and <paramref name="outputTokens"/>.</summary>
    public decimal Cost(long inputTokens, long outputTokens, long cachedInputTokens = 0) => Price.Cost(inputTokens, outputTokens, cachedInputTokens);

    /// <summary>Gets the model's prices as one value.</summary>
    public ModelPrice Price => new(InputPerMTok, OutputPerMTok, CachedInputPerMTok);
}
