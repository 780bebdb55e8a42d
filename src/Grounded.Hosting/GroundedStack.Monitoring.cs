using Grounded.Access;
using Grounded.Feedback;
using Grounded.Hosting.Feedback;

namespace Grounded.Hosting;

/// <summary>The stack's monitoring: feedback on responses (from their receipts), the dashboard's series and the alert rules.</summary>
public sealed partial class GroundedStack
{
    /// <summary>
    /// Opens the shared Redis connection now (a server calls this at start-up), so that the first request's Redis call does not
    /// pay for the connection: one slower than the guard's limit would make this replica skip Redis for its cool-down, and
    /// feedback on other replicas' answers would be a 404 meanwhile. Never throws: a Redis that is away is handled per call.
    /// </summary>
    public async Task ConnectSharedStateAsync(CancellationToken cancellationToken = default)
    {
        if (_redis is null)
        {
            return;
        }

        try
        {
            await _redis.GetMultiplexerAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Each Redis user (limits, budgets, caches) meets the outage itself, as configured.
        }
    }

    /// <summary>
    /// Saves a rating of the response <paramref name="id"/> (filled from its receipt) and returns it; null when the response is
    /// unknown, older than the feedback window, or another tenant's (the caller learns nothing of other tenants' ids).
    /// </summary>
    public async Task<FeedbackRecord?> SaveFeedbackAsync(string id, string rating, string? comment, CallerIdentity? caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var receipt = await Receipts.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (receipt is null || receipt.Tenant != (caller?.Tenant ?? Tenants.Default))
        {
            return null;
        }

        var record = AnswerReceipts.Feedback(receipt, _time.GetUtcNow(), rating, comment, caller?.KeyId);
        var access = await GetAccessAsync(cancellationToken).ConfigureAwait(false);
        await access.SaveFeedbackAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Gets the monitoring series (the dashboard's data) over the store's ledger, query log and feedback.</summary>
    public Monitoring.MonitoringSeriesBuilder Monitoring { get; }

    /// <summary>Returns the alerting of <see cref="GroundedOptions.Alerts"/> over the store, logging undelivered notices to <paramref name="log"/>.</summary>
    public Monitoring.AlertCycle CreateAlerts(Microsoft.Extensions.Logging.ILogger? log = null) => CreateAlerts(Options.Alerts, log);

    /// <summary>Returns the alerting of <paramref name="alerts"/> (a server's reloaded <c>alerts:</c>) over the store, logging undelivered notices to <paramref name="log"/>.</summary>
    public Monitoring.AlertCycle CreateAlerts(Monitoring.AlertsOptions alerts, Microsoft.Extensions.Logging.ILogger? log = null) => new(
        alerts, new Monitoring.AlertEvaluator(Monitoring.Sources),
        async ct => await GetAccessAsync(ct).ConfigureAwait(false), new Monitoring.WebhookSender(_webhooks, _time), _time, log);
}
