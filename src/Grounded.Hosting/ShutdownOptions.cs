namespace Grounded.Hosting;

/// <summary>
/// How a server stops when asked to (SIGTERM, Ctrl+C): readiness fails at once while requests are still served for
/// <see cref="Delay"/>, so that load balancers polling it stop sending new ones; then no connection is accepted and the
/// requests in flight get <see cref="DrainTimeout"/> to finish.
/// </summary>
public sealed record ShutdownOptions
{
    /// <summary>The most <see cref="Delay"/> may be.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>The most <see cref="DrainTimeout"/> may be.</summary>
    public static readonly TimeSpan MaxDrainTimeout = TimeSpan.FromHours(1);

    /// <summary>Gets how long the server keeps serving after readiness fails (<c>server.shutdownDelay</c>).</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets how long requests in flight get to finish once the server stops accepting (<c>server.drainTimeout</c>); a stream still running then ends with an error event.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
