using System.Runtime.InteropServices;

namespace Grounded.Server.Lifecycle;

/// <summary>
/// The server's signals, in place of the console lifetime's: SIGTERM, SIGINT (Ctrl+C) and SIGQUIT stop it gracefully
/// (<see cref="GracefulShutdown"/>; a second one stops it at once), SIGHUP reloads the config file (<see cref="ConfigReloadService"/>).
/// </summary>
internal sealed class SignalLifetime(GracefulShutdown shutdown, ConfigReloadService reload) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            Register(signal, context =>
            {
                context.Cancel = true; // the process ends when the host has stopped, not now
                shutdown.RequestStop(signal: true);
            });
        }

        Register(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            reload.Request();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Register(PosixSignal signal, Action<PosixSignalContext> handler)
    {
        try
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, handler));
        }
        catch (PlatformNotSupportedException)
        {
            // A platform without this signal (SIGHUP on some): nothing sends it there.
        }
    }
}
