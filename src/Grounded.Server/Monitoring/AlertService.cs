using Grounded.Hosting;

namespace Grounded.Server.Monitoring;

/// <summary>
/// Evaluates the alert rules every <c>alerts.interval</c> on the server's clock, off the request path: states are stored
/// (the dashboard shows them) and, when webhooks are configured, transitions sent. A round that fails is logged and the
/// next one runs as usual.
/// </summary>
internal sealed partial class AlertService(GroundedStack stack, TimeProvider time, ILogger<AlertService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var alerts = stack.CreateAlerts(log);
        if (!alerts.Options.Enabled || alerts.Options.Rules.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(alerts.Options.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await alerts.RunAsync(persist: true, stoppingToken).ConfigureAwait(false);
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
