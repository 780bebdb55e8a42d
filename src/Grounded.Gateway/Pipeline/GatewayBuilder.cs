using Grounded.Gateway.Config;
using Grounded.Gateway.Providers;
using Grounded.Gateway.Resilience;
using Grounded.Gateway.Route;
using Grounded.Gateway.Tokens;
using Grounded.Gateway.Usage;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway.Pipeline;

/// <summary>
/// Builds the gateway's one request pipeline, whose whole order is written here, from the outside in:
/// <code>
/// identity → rate limit → budget → tools → input guards → output guards → cache → route   (request stages, hooks)
///   → router (the request's model) → failover (the model, then its fallbacks)
///     → per model: usage/cost → telemetry → resilience (retry, circuit, timeouts) → provider
/// </code>
/// A request stage left empty costs nothing. An HTTP request reaches this pipeline already identified and within its key's
/// rate limits: the server checks both at its edge, before any route (its middleware order is in <c>GroundedServer</c>),
/// because they cover every <c>/v1</c> route, not only model calls; the identity stage and the rate-limit stage here are for
/// what acts on model calls with the identity the request context carries (<c>GatewayContext.Identity</c>). In the spirit of Microsoft.Extensions.AI's <c>ChatClientBuilder</c>, but
/// the stages are named, so <c>UseXxx</c> lines can come in any order.
/// </summary>
public sealed class GatewayBuilder
{
    /// <summary>The request stages, outermost first.</summary>
    public static readonly IReadOnlyList<GatewayStage> RequestOrder =
    [
        GatewayStage.Identity, GatewayStage.RateLimit, GatewayStage.Budget, GatewayStage.Tools,
        GatewayStage.InputGuard, GatewayStage.OutputGuard, GatewayStage.Cache, GatewayStage.Route,
    ];

    private readonly GatewayOptions _options;
    private readonly Dictionary<GatewayStage, List<Func<IChatClient, IChatClient>>> _stages = [];

    /// <summary>Starts a gateway for the configured models.</summary>
    public GatewayBuilder(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Routes = new ModelRoutes(options);
    }

    /// <summary>Gets the gateway's configuration (models, prices, fallbacks), for stages that need it.</summary>
    public GatewayOptions Options => _options;

    /// <summary>Gets the configured routes, which the route stage and the built gateway share.</summary>
    public ModelRoutes Routes { get; }

    /// <summary>Gets or sets the clock of retries, timeouts and circuits.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the providers models can name.</summary>
    public ProviderRegistry Providers { get; set; } = ProviderRegistry.Default;

    /// <summary>Gets or sets a replacement for the provider clients (tests); null uses <see cref="Providers"/>.</summary>
    public Func<ModelOptions, IChatClient>? ProviderClients { get; set; }

    /// <summary>Gets or sets the random source of retry jitter (tests); null uses <see cref="Random.Shared"/>.</summary>
    public Func<double>? Random { get; set; }

    /// <summary>Gets or sets how environment variables (API keys) are read.</summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Adds a decorator at <paramref name="stage"/>; several at one stage wrap in the order added (the first outermost).</summary>
    public GatewayBuilder Use(GatewayStage stage, Func<IChatClient, IChatClient> decorator)
    {
        ArgumentNullException.ThrowIfNull(decorator);
        if (!_stages.TryGetValue(stage, out var list))
        {
            _stages[stage] = list = [];
        }

        list.Add(decorator);
        return this;
    }

    /// <summary>Builds the gateway.</summary>
    public ModelGateway Build()
    {
        var tokens = new PromptTokenCounter();
        var settings = new ProviderSettings(_options.Resilience.AttemptTimeout + TimeSpan.FromSeconds(5), Environment);
        var models = new Dictionary<string, (ModelOptions Options, IChatClient Client, ResilientChatClient Resilience)>();
        foreach (var model in _options.Models)
        {
            var provider = ProviderClients?.Invoke(model)
                ?? Providers.Find(model.Provider)?.Create(model, settings)
                ?? throw new ArgumentException($"model '{model.Name}' names the provider '{model.Provider}', which is not registered");
            var client = new ChatClientBuilder(provider)
                .UseUsage(model, tokens)
                .UseOpenTelemetry(sourceName: ModelGateway.TelemetrySourceName, configure: telemetry => telemetry.EnableSensitiveData = _options.LogPrompts)
                .UseResilience(model, _options.Resilience, Time, Random)
                .Build();
            models[model.Name] = (model, client, client.GetService<ResilientChatClient>()!);
        }

        // Failover chains are stateless: built once, not per request.
        var chains = models.Values.ToDictionary(m => m.Options.Name, m => (IChatClient)new FallbackChatClient(
            [(m.Options, m.Client), .. (_options.Fallbacks.GetValueOrDefault(m.Options.Name) ?? []).Select(f => (models[f].Options, models[f].Client))]));
        IChatClient pipeline = new ModelRouter(chains, [.. _options.Names]);
        foreach (var stage in RequestOrder.Reverse())
        {
            foreach (var decorator in Enumerable.Reverse(_stages.GetValueOrDefault(stage) ?? []))
            {
                pipeline = decorator(pipeline);
            }
        }

        return new ModelGateway(_options, pipeline, tokens, Routes, models.ToDictionary(m => m.Key, m => m.Value.Resilience), [.. models.Values.Select(m => m.Client)]);
    }
}
