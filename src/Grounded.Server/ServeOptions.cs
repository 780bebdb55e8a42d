using Grounded.Hosting;

namespace Grounded.Server;

/// <summary>What <c>grounded serve</c> was asked for.</summary>
/// <param name="Grounded">The configuration, flags already laid over it: store, models, limits, keys.</param>
/// <param name="Urls">The URLs to listen on; null means <see cref="GroundedServer.DefaultUrl"/>.</param>
/// <param name="Insecure">Whether to listen on non-loopback addresses without API keys.</param>
public sealed record ServeOptions(GroundedOptions Grounded, string? Urls = null, bool Insecure = false);
