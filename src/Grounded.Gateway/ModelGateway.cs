using System.Collections.Concurrent;
using Grounded.Gateway.Config;
using Grounded.Gateway.Pipeline;
using Grounded.Gateway.Resilience;
using Grounded.Gateway.Route;
using Grounded.Gateway.Tokens;
using Microsoft.Extensions.AI;

namespace Grounded.Gateway;

/// <summary>
/// The built gateway: one <see cref="Client"/> for every configured model (the request names its model in
/// <see cref="ChatOptions.ModelId"/>), whose middleware order <see cref="GatewayBuilder"/> fixes.
/// </summary>
public sealed class ModelGateway : IDisposable
{
    /// <summary>The name of the gateway's ActivitySource and Meter (GenAI semantic conventions).</summary>
    public const string TelemetrySourceName = "Grounded.Gateway";

    private readonly IReadOnlyDictionary<string, ResilientChatClient> _circuits;
    private readonly IReadOnlyList<IChatClient> _owned;
    private readonly ConcurrentDictionary<string, IChatClient> _bound = new(StringComparer.Ordinal);

    internal ModelGateway(GatewayOptions options, IChatClient client, PromptTokenCounter tokens, ModelRoutes routes, IReadOnlyDictionary<string, ResilientChatClient> circuits, IReadOnlyList<IChatClient> owned)
    {
        Options = options;
        Client = client;
        Tokens = tokens;
        Routes = routes;
        _circuits = circuits;
        _owned = owned;
    }

    /// <summary>Gets the configuration the gateway was built from.</summary>
    public GatewayOptions Options { get; }

    /// <summary>Gets the whole request pipeline; a request names its configured model in <see cref="ChatOptions.ModelId"/>.</summary>
    public IChatClient Client { get; }

    /// <summary>Gets the prompt token counter (the models' encoding) used to check context windows and count usage.</summary>
    public PromptTokenCounter Tokens { get; }

    /// <summary>Gets the configured routes: what each would choose for a request (<see cref="ModelRoutes.Decide"/>).</summary>
    public ModelRoutes Routes { get; }

    /// <summary>Builds a gateway with no request stages but the configured routes (the providers behind failover, telemetry and resilience).</summary>
    public static ModelGateway Create(GatewayOptions options, TimeProvider? time = null) =>
        new GatewayBuilder(options) { Time = time ?? TimeProvider.System }.UseRoutes().Build();

    /// <summary>Returns the pipeline bound to the model or route named <paramref name="name"/> (used when a request names none), or null when the name is unknown.</summary>
    public IChatClient? GetChatClient(string name) =>
        Options.Find(name) is null && !Routes.IsRoute(name) ? null : _bound.GetOrAdd(name, n => new ChatClientBuilder(Client).ConfigureOptions(o => o.ModelId ??= n).Build());

    /// <summary>Returns the state of a model's circuit.</summary>
    public CircuitState Circuit(string name) => _circuits[name].Circuit;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _owned)
        {
            client.Dispose();
        }
    }
}
