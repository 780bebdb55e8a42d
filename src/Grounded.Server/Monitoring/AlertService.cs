using Grounded.Hosting;
using Grounded.Hosting.Monitoring;
using Grounded.Server.Lifecycle;

namespace Grounded.Server.Monitoring;

/// <summary>
/// Evaluates the alert rules every <c>alerts.interval</c> on the server's clock, off the request path: states are stored
/// (the dashboard shows them) and, when webhooks are configured, transitions sent. A round that fails is logged and the
/// next one runs as usual. A reloaded <c>alerts:</c> section takes over at once: its rules, interval and webhooks.
/// </summary>
internal sealed partial class AlertService(GroundedStack stack, RunningConfig running, TimeProvider time, ILogger<AlertService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var changed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, running.Changed);
            try
            {
                await RunAsync(stack.CreateAlerts(running.Current.Alerts, log), changed.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The config was reloaded: start over with its alerts.
            }
        }
    }

    private async Task RunAsync(AlertCycle alerts, CancellationToken cancellationToken)
    {
        if (!alerts.Options.Enabled || alerts.Options.Rules.Count == 0)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var timer = new PeriodicTimer(alerts.Options.Interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await alerts.RunAsync(persist: true, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(log, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert rules were not evaluated: {Message}")]
    private static partial void LogRoundFailed(ILogger logger, string message);
}
