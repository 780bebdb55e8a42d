namespace Grounded.Server;

/// <summary>
/// The server as a library: builds the host, listens, and runs until stopped. The CLI's <c>grounded serve</c> calls
/// this in-process (one binary to install); <c>Program.cs</c> is only the standalone and test entry point.
/// </summary>
public static class ServerHost
{
    /// <summary>Runs the server until <paramref name="cancellationToken"/> fires, Ctrl+C or SIGTERM, then stops it gracefully (<c>server.shutdownDelay</c>, <c>server.drainTimeout</c>).</summary>
    /// <param name="options">What to serve and where.</param>
    /// <param name="listening">Called once with the addresses listened on, after the server has started.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <exception cref="Hosting.Config.ConfigException">The config is invalid; the message lists every problem.</exception>
    /// <exception cref="ServerStartException">The server refuses to start (unsafe binding, address in use).</exception>
    public static async Task RunAsync(ServeOptions options, Action<IReadOnlyCollection<string>>? listening = null, CancellationToken cancellationToken = default)
    {
        var app = GroundedServer.Build(options);
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new ServerStartException($"cannot listen on {options.Urls ?? GroundedServer.DefaultUrl}: {e.Message}", e);
            }

            listening?.Invoke([.. app.Urls]);
            // The token asks from outside, as a signal does: readiness fails, then the delay and the drain (GracefulShutdown).
            var shutdown = app.Services.GetRequiredService<Lifecycle.GracefulShutdown>();
            using (cancellationToken.Register(() => shutdown.RequestStop(signal: false)))
            {
                await app.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
