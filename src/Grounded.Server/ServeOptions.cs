namespace Grounded.Server;

/// <summary>What <c>grounded serve</c> was asked for.</summary>
/// <param name="ConfigFile">The gateway's YAML file.</param>
/// <param name="Urls">The URLs to listen on; null means <see cref="GroundedServer.DefaultUrl"/>.</param>
/// <param name="StoreDirectory">The store /v1/ask answers from; null means <c>GROUNDED_HOME</c>, else <c>./.grounded</c>.</param>
/// <param name="Insecure">Whether to listen on non-loopback addresses without API keys.</param>
public sealed record ServeOptions(string ConfigFile, string? Urls = null, string? StoreDirectory = null, bool Insecure = false);
