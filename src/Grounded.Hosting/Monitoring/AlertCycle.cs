using Grounded.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Grounded.Hosting.Monitoring;

/// <summary>
/// One round of alerting: every rule evaluated, its state moved in the store only from the version read (so that among
/// replicas exactly one stores, and sends, a transition), webhooks told of a firing, of a resolution, and of a rule still
/// firing once <c>repeatAfter</c> has passed since they were last told; nothing is sent while a firing was already sent.
/// </summary>
/// <param name="options">The rules, webhooks and repeat delay.</param>
/// <param name="evaluator">Evaluates one rule.</param>
/// <param name="states">Opens the shared alert states.</param>
/// <param name="sender">Posts notices to webhooks.</param>
/// <param name="time">The clock.</param>
/// <param name="log">Where failures are logged.</param>
public sealed class AlertCycle(AlertsOptions options, AlertEvaluator evaluator, Func<CancellationToken, Task<IAlertStateStore>> states, WebhookSender sender, TimeProvider time, ILogger? log = null)
{
    private readonly ILogger _log = log ?? NullLogger.Instance;

    /// <summary>Gets the options the cycle runs with.</summary>
    public AlertsOptions Options => options;

    /// <summary>
    /// Evaluates every rule and returns where each stands; with <paramref name="persist"/>, stores the transitions and tells the
    /// webhooks of the ones this call won, else only reports (nothing stored, nothing sent).
    /// </summary>
    public async Task<IReadOnlyList<AlertStatus>> RunAsync(bool persist, CancellationToken cancellationToken)
    {
        var store = await states(cancellationToken).ConfigureAwait(false);
        var stored = (await store.ReadAlertStatesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Rule, StringComparer.Ordinal);
        var statuses = new List<AlertStatus>();
        foreach (var rule in options.Rules)
        {
            var now = time.GetUtcNow();
            var before = stored.GetValueOrDefault(rule.Name);
            AlertReading reading;
            try
            {
                reading = await evaluator.EvaluateAsync(rule, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.LogWarning("alert rule {Rule} was not evaluated: {Message}", rule.Name, e.Message);
                statuses.Add(new AlertStatus(rule.Name, before?.State ?? AlertStates.Ok, before?.Since, before?.Value, before?.Threshold, $"not evaluated: {e.Message}"));
                continue;
            }

            var next = Next(before, reading, now);
            if (persist)
            {
                await StoreAsync(store, before, next, reading, cancellationToken).ConfigureAwait(false);
            }

            statuses.Add(new AlertStatus(rule.Name, next.State, next.Since, reading.Value, reading.Threshold, reading.Message));
        }

        return statuses;
    }

    /// <summary>Returns every rule's stored state (<c>ok</c> with no since for a rule never evaluated), without evaluating.</summary>
    public async Task<IReadOnlyList<AlertStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var store = await states(cancellationToken).ConfigureAwait(false);
        var stored = (await store.ReadAlertStatesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Rule, StringComparer.Ordinal);
        return [.. options.Rules.Select(r => stored.GetValueOrDefault(r.Name) is { } s
            ? new AlertStatus(r.Name, s.State, s.Since, s.Value, s.Threshold, s.Message)
            : new AlertStatus(r.Name, AlertStates.Ok, null, null, null, "not evaluated yet"))];
    }

    /// <summary>Sends one test notice (state <c>test</c>) to every webhook; returns how each took it.</summary>
    public Task<IReadOnlyList<WebhookResult>> SendTestAsync(CancellationToken cancellationToken) =>
        sender.SendAsync(new AlertNotice("test", AlertNotice.Test, "info", time.GetUtcNow(), "a test alert sent by grounded alerts test"), options.Webhooks, cancellationToken);

    private AlertState Next(AlertState? before, AlertReading reading, DateTimeOffset now)
    {
        var state = reading.Firing ? AlertStates.Firing : AlertStates.Ok;
        var evaluated = new AlertState(reading.Rule.Name, state, now)
        {
            Value = reading.Value, Threshold = reading.Threshold, Message = reading.Message, EvaluatedAt = now,
        };
        if (before is null || before.State != state)
        {
            // A first evaluation that is ok is no news; any other change is.
            var tell = options.Webhooks.Count > 0 && (before is not null || reading.Firing);
            return evaluated with { NotifiedAt = tell ? now : null, Version = (before?.Version ?? 0) + 1 };
        }

        var remind = reading.Firing && options.Webhooks.Count > 0 && (before.NotifiedAt is not { } told || now - told >= options.RepeatAfter);
        return evaluated with { Since = before.Since, NotifiedAt = remind ? now : before.NotifiedAt, Version = remind ? before.Version + 1 : before.Version };
    }

    private async Task StoreAsync(IAlertStateStore store, AlertState? before, AlertState next, AlertReading reading, CancellationToken cancellationToken)
    {
        var won = await store.SaveAlertStateAsync(next, before?.Version ?? 0, cancellationToken).ConfigureAwait(false);
        var tell = next.NotifiedAt == next.EvaluatedAt && next.Version != (before?.Version ?? 0);
        if (!won || !tell)
        {
            return; // another replica moved it first (and sends), or there is nothing to tell
        }

        var notice = new AlertNotice(next.Rule, next.State == AlertStates.Firing ? AlertStates.Firing : AlertNotice.Resolved, reading.Rule.Severity, next.Since, next.Message)
        {
            Value = next.Value, Threshold = next.Threshold, Reminder = before?.State == next.State,
        };
        var results = await sender.SendAsync(notice, options.Webhooks, cancellationToken).ConfigureAwait(false);
        foreach (var failed in results.Where(r => !r.Delivered))
        {
            _log.LogWarning("alert {Rule} ({State}) not delivered to {Url} after {Attempts} attempts: {Error}", next.Rule, notice.State, failed.Shown, failed.Attempts, failed.Error);
        }

        if (next.State == AlertStates.Firing && results.Count > 0 && results.All(r => !r.Delivered))
        {
            // Nobody was told: marked untold, so the next round sends it again instead of waiting for repeatAfter.
            await store.SaveAlertStateAsync(next with { NotifiedAt = null, Version = next.Version + 1 }, next.Version, cancellationToken).ConfigureAwait(false);
        }
    }
}
