using Grounded.Hosting;

namespace Grounded.Server.Lifecycle;

/// <summary>
/// Stops the server without failing requests: once a stop is asked for, <c>/readyz</c> answers 503 "stopping"
/// (<see cref="IsStopping"/>) while requests are still served for <c>server.shutdownDelay</c>, so that load balancers
/// polling it stop sending new ones; then the server stops accepting and the requests in flight get
/// <c>server.drainTimeout</c>, after which <see cref="Deadline"/> ends those still running (a stream with an error event).
/// The delay is for a stop asked from outside (a signal, <see cref="ServerHost.RunAsync"/>'s token): a host stopped by its
/// owner in-process (tests, benchmarks) tells no load balancer anything by waiting. A second signal stops at once.
/// </summary>
internal sealed partial class GracefulShutdown(IHostApplicationLifetime lifetime, GroundedOptions options, TimeProvider time, ILogger<GracefulShutdown> log)
    : IHostedLifecycleService, IDisposable
{
    /// <summary>How long past the drain deadline the host waits before it cuts connections: streams ended at the deadline write their error event meanwhile.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _deadline = new();
    private readonly CancellationTokenSource _hurry = new();
    private int _signals;
    private int _disposed;
    private volatile bool _asked;
    private ITimer? _drainTimer;

    /// <summary>Gets whether the server is stopping: readiness is false from the moment a stop is asked for.</summary>
    public bool IsStopping => lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Gets the token that fires when the drain deadline passes (or a second signal says stop now).</summary>
    public CancellationToken Deadline => _deadline.Token;

    /// <summary>Asks the server to stop from outside; a second signal during the stop skips what is left of the delay and drain.</summary>
    /// <param name="signal">Whether a signal (SIGTERM, SIGINT) asks, rather than the host's owner by its token.</param>
    public void RequestStop(bool signal)
    {
        _asked = true;
        if (signal && Interlocked.Increment(ref _signals) > 1 && Volatile.Read(ref _disposed) == 0)
        {
            LogHurried(log);
            _hurry.Cancel();
            _deadline.Cancel();
        }

        lifetime.StopApplication();
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var shutdown = options.Shutdown;
        if (_asked && shutdown.Delay > TimeSpan.Zero)
        {
            LogStopping(log, shutdown.Delay.TotalSeconds);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_hurry.Token, cancellationToken);
            try
            {
                await Task.Delay(shutdown.Delay, time, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A second signal, or the host's own shutdown timeout: drain now.
            }
        }

        if (_asked)
        {
            LogDraining(log, shutdown.DrainTimeout.TotalSeconds);
        }

        _drainTimer = time.CreateTimer(static state => ((GracefulShutdown)state!).EndDrain(), this, shutdown.DrainTimeout, Timeout.InfiniteTimeSpan);
    }

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (_asked)
        {
            LogStopped(log);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _drainTimer?.Dispose();
        _deadline.Dispose();
        _hurry.Dispose();
    }

    // On a timer's thread: nothing may escape (it would end the process).
    private void EndDrain()
    {
        try
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                _deadline.Cancel();
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or AggregateException)
        {
            LogDeadlineFailed(log, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "the drain deadline's cancellation failed: {Message}")]
    private static partial void LogDeadlineFailed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopping: /readyz answers 503; requests are still served for {Seconds} s (server.shutdownDelay), then drained; signal again to stop now")]
    private static partial void LogStopping(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "draining: no new connections; requests in flight get up to {Seconds} s (server.drainTimeout)")]
    private static partial void LogDraining(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "asked again: stopping now, streams still running end with an error event")]
    private static partial void LogHurried(ILogger logger);
}
