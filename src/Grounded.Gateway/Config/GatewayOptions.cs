namespace Grounded.Gateway.Config;

/// <summary>The validated, immutable gateway configuration.</summary>
public sealed record GatewayOptions
{
    /// <summary>Gets the configuration with no models: no chat routes, retrieval and the extractive answerer only.</summary>
    public static GatewayOptions Empty { get; } = new() { Models = [] };

    /// <summary>Gets the models clients may name, in file order.</summary>
    public required IReadOnlyList<ModelOptions> Models { get; init; }

    /// <summary>Gets, per model name, the models tried in order when it fails or its circuit is open.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fallbacks { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Gets the retry, circuit-breaker and timeout settings every provider shares.</summary>
    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Gets the SHA-256 hashes (lower-case hex) of the accepted API keys; empty means no authentication.</summary>
    public IReadOnlyList<string> ApiKeyHashes { get; init; } = [];

    /// <summary>Gets the largest request body the server accepts.</summary>
    /// <value>The default is 1 MiB.</value>
    public long MaxRequestBodyBytes { get; init; } = 1 << 20;

    /// <summary>Gets the largest document upload (<c>POST /v1/documents</c>) the server accepts.</summary>
    /// <value>The default is 32 MiB.</value>
    public long MaxUploadBytes { get; init; } = 32 << 20;

    /// <summary>Gets whether request logs may contain prompt text.</summary>
    /// <value>The default is false.</value>
    public bool LogPrompts { get; init; }

    /// <summary>Gets the routes clients may name instead of a model (<c>auto</c>), each picking a model per request.</summary>
    public IReadOnlyList<ModelRouteOptions> Routes { get; init; } = [];

    /// <summary>Gets every name a request may send as its model: the models, then the routes.</summary>
    public IEnumerable<string> Names => Models.Select(m => m.Name).Concat(Routes.Select(r => r.Name));

    /// <summary>Returns the model named <paramref name="name"/>, or null.</summary>
    public ModelOptions? Find(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>Returns the route named <paramref name="name"/>, or null.</summary>
    public ModelRouteOptions? FindRoute(string name) => Routes.FirstOrDefault(r => r.Name == name);

    /// <summary>Returns the models a request naming <paramref name="name"/> may be served by: that model, or each model of that route; empty for a name that is neither.</summary>
    public IReadOnlyList<ModelOptions> ServingModels(string name) =>
        Find(name) is { } model ? [model] : FindRoute(name)?.Models().Select(Find).OfType<ModelOptions>().ToList() ?? [];
}
