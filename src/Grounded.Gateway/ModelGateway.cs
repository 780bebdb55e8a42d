using Grounded.Gateway.Config;
using Grounded.Gateway.Providers;
using Grounded.Gateway.Resilience;
using Grounded.Gateway.Route;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway;

/// <summary>
/// The gateway: one chat client per configured model, each built in ONE place with its middleware in a fixed order —
/// (outermost) failover across fallbacks → telemetry → resilience (retry, circuit, timeouts) → provider SDK.
/// </summary>
public sealed class ModelGateway : IDisposable
{
    /// <summary>The name of the gateway's ActivitySource and Meter (GenAI semantic conventions).</summary>
    public const string TelemetrySourceName = "Grounded.Gateway";

    private readonly Dictionary<string, IChatClient> _models = [];
    private readonly Dictionary<string, ResilientChatClient> _resilient = [];
    private readonly Dictionary<string, FallbackChatClient> _chains = [];

    /// <summary>Builds the gateway; <paramref name="providers"/> replaces the provider SDK clients (tests).</summary>
    public ModelGateway(GatewayOptions options, TimeProvider? time = null, Func<ModelOptions, IChatClient>? providers = null, Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        time ??= TimeProvider.System;
        providers ??= m => ProviderClients.Create(m, options.Resilience.AttemptTimeout + TimeSpan.FromSeconds(5));
        foreach (var model in options.Models)
        {
            var client = new ChatClientBuilder(providers(model))
                .UseOpenTelemetry(sourceName: TelemetrySourceName, configure: telemetry => telemetry.EnableSensitiveData = options.LogPrompts)
                .UseResilience(model.Name, options.Resilience, time, random)
                .Build();
            _models[model.Name] = client;
            _resilient[model.Name] = client.GetService<ResilientChatClient>()!;
        }

        // The chains are stateless: built once, not per request.
        foreach (var model in options.Models)
        {
            var chain = new List<(string, IChatClient)> { (model.Name, _models[model.Name]) };
            chain.AddRange((options.Fallbacks.GetValueOrDefault(model.Name) ?? []).Select(f => (f, _models[f])));
            _chains[model.Name] = new FallbackChatClient(chain);
        }
    }

    /// <summary>Gets the configuration the gateway was built from.</summary>
    public GatewayOptions Options { get; }

    /// <summary>Gets the prompt token counter used to check context windows.</summary>
    public PromptTokenCounter Tokens { get; } = new();

    /// <summary>Returns the model's client, failing over along its fallbacks, or null when the name is unknown.</summary>
    public IChatClient? GetChatClient(string name) => _chains.GetValueOrDefault(name);

    /// <summary>Returns the state of a model's circuit.</summary>
    public CircuitState Circuit(string name) => _resilient[name].Circuit;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _models.Values)
        {
            client.Dispose();
        }
    }
}
