using System.Globalization;
using Grounded.Feedback;
using Grounded.Usage;

namespace Grounded.Hosting.Monitoring;

/// <summary>
/// Evaluates alert rules over the whole store (every tenant) at one instant: each rule reads the few sums it needs from the
/// ledger, the query log or feedback. A rule with too little data does not fire.
/// </summary>
/// <param name="sources">Where the rows are read from.</param>
public sealed class AlertEvaluator(MonitoringSources sources)
{
    /// <summary>Returns the reading of <paramref name="rule"/> at <paramref name="now"/>.</summary>
    public Task<AlertReading> EvaluateAsync(AlertRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        now = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()); // series start at whole seconds
        return rule.Kind switch
        {
            AlertKinds.Spend => SpendAsync(rule, now, cancellationToken),
            AlertKinds.Quality when rule.Metric == "feedback" => FeedbackAsync(rule, now, cancellationToken),
            AlertKinds.Quality => GroundingAsync(rule, now, cancellationToken),
            AlertKinds.ErrorRate or AlertKinds.P99Latency => RequestsAsync(rule, now, cancellationToken),
            AlertKinds.AbstentionSpike or AlertKinds.GuardSpike => SpikeAsync(rule, now, cancellationToken),
            _ => throw new ArgumentException($"unknown alert kind '{rule.Kind}'", nameof(rule)),
        };
    }

    private async Task<AlertReading> SpendAsync(AlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var ledger = await sources.Ledger(ct).ConfigureAwait(false);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var days = Math.Max(1, (int)Math.Round(rule.Baseline.TotalDays));
        var spent = await CostAsync(ledger, today, now, ct).ConfigureAwait(false);
        var before = await CostAsync(ledger, today.AddDays(-days), today, ct).ConfigureAwait(false);
        var average = before / days;
        var threshold = (double)(average * (decimal)rule.Factor);
        var firing = (double)spent > threshold && spent >= rule.MinUsd;
        return new(rule, firing, (double)spent, threshold, Text(
            $"spend today ${spent:0.00} against ${threshold:0.00} ({rule.Factor:0.##}x the {days}-day daily average ${average:0.00}; floor ${rule.MinUsd:0.00})"));
    }

    private async Task<AlertReading> RequestsAsync(AlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var ledger = await sources.Ledger(ct).ConfigureAwait(false);
        var latency = rule.Kind == AlertKinds.P99Latency;
        var window = Whole(rule.Window);
        var series = await ledger.SeriesAsync(new UsageSeriesQuery(now - window, now, window) { Percentiles = latency }, ct).ConfigureAwait(false);
        var (requests, errors, p99) = series.Count > 0 ? (series[0].Requests, series[0].Errors, series[0].P99Ms) : (0L, 0L, 0.0);
        if (requests < Math.Max(1, rule.MinCount))
        {
            return TooLittle(rule, $"{requests} requests in the last {Span(window)} (at least {rule.MinCount} needed)");
        }

        if (latency)
        {
            return new(rule, p99 > rule.Threshold, Math.Round(p99, 1), rule.Threshold,
                Text($"p99 latency {p99:0} ms over the last {Span(window)} against {rule.Threshold:0} ms ({requests} requests)"));
        }

        var rate = (double)errors / requests;
        return new(rule, rate > rule.Threshold, Math.Round(rate, 4), rule.Threshold,
            Text($"error rate {rate * 100:0.#}% over the last {Span(window)} against {rule.Threshold * 100:0.#}% ({errors} of {requests} requests failed)"));
    }

    private async Task<AlertReading> GroundingAsync(AlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var log = await sources.QueryLog(ct).ConfigureAwait(false);
        var (window, baseline) = (Whole(rule.Window), Whole(rule.Baseline));
        var current = await log.QuerySeriesAsync(now - window, now, window, null, ct).ConfigureAwait(false);
        var previous = await log.QuerySeriesAsync(now - window - baseline, now - window, baseline, null, ct).ConfigureAwait(false);
        var (n, mean) = current.Count > 0 ? (current[0].Graded, current[0].GroundingMean ?? 0) : (0L, 0.0);
        var (m, before) = previous.Count > 0 ? (previous[0].Graded, previous[0].GroundingMean ?? 0) : (0L, 0.0);
        return Compare(rule, "grounding mean", n, mean, m, before, window, "graded answers");
    }

    private async Task<AlertReading> FeedbackAsync(AlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var store = await sources.Feedback(ct).ConfigureAwait(false);
        var (window, baseline) = (Whole(rule.Window), Whole(rule.Baseline));
        var (up, down) = Sum(await store.CountFeedbackAsync(now - window, now, window, null, ct).ConfigureAwait(false));
        var (upBefore, downBefore) = Sum(await store.CountFeedbackAsync(now - window - baseline, now - window, baseline, null, ct).ConfigureAwait(false));
        return Compare(rule, "thumbs-up share", up + down, Share(up, down), upBefore + downBefore, Share(upBefore, downBefore), window, "ratings");
    }

    private static AlertReading Compare(AlertRule rule, string metric, long n, double now, long m, double before, TimeSpan window, string what)
    {
        if (n < Math.Max(1, rule.MinCount) || m < Math.Max(1, rule.MinCount))
        {
            return TooLittle(rule, $"{n} {what} in the last {Span(window)} and {m} before (at least {rule.MinCount} each needed)");
        }

        var threshold = before * (1 - rule.Drop);
        return new(rule, now < threshold, Math.Round(now, 4), Math.Round(threshold, 4),
            Text($"{metric} {now:0.###} over the last {Span(window)} against {before:0.###} before (fires below {threshold:0.###}, a {rule.Drop * 100:0.#}% drop)"));
    }

    private async Task<AlertReading> SpikeAsync(AlertRule rule, DateTimeOffset now, CancellationToken ct)
    {
        var log = await sources.QueryLog(ct).ConfigureAwait(false);
        var (window, baseline) = (Whole(rule.Window), Whole(rule.Baseline));
        var current = await log.QuerySeriesAsync(now - window, now, window, null, ct).ConfigureAwait(false);
        var previous = await log.QuerySeriesAsync(now - window - baseline, now - window, baseline, null, ct).ConfigureAwait(false);
        var (answers, events) = Counts(rule, current);
        var (baseAnswers, baseEvents) = Counts(rule, previous);
        if (events < Math.Max(1, rule.MinCount))
        {
            return TooLittle(rule, $"{events} {(rule.Kind == AlertKinds.GuardSpike ? "guard triggers" : "abstentions")} in the last {Span(window)} (at least {rule.MinCount} needed)");
        }

        // Abstentions as a share of answers; guard triggers per hour (they also come from requests that are not answers).
        var abstention = rule.Kind == AlertKinds.AbstentionSpike;
        var rate = abstention ? (double)events / Math.Max(1, answers) : events / window.TotalHours;
        var baseRate = abstention ? (baseAnswers == 0 ? 0 : (double)baseEvents / baseAnswers) : baseEvents / baseline.TotalHours;
        var threshold = baseRate * rule.Factor;
        return new(rule, rate > threshold, Math.Round(rate, 4), Math.Round(threshold, 4), abstention
            ? Text($"abstention rate {rate * 100:0.#}% over the last {Span(window)} against {baseRate * 100:0.#}% in the {Span(baseline)} before ({rule.Factor:0.##}x fires)")
            : Text($"{rate:0.#} guard triggers an hour over the last {Span(window)} against {baseRate:0.#} in the {Span(baseline)} before ({rule.Factor:0.##}x fires)"));
    }

    private static (long Answers, long Events) Counts(AlertRule rule, IReadOnlyList<QueryBucket> buckets) => buckets.Count == 0 ? (0, 0)
        : (buckets[0].Answers, rule.Kind == AlertKinds.GuardSpike ? buckets[0].GuardTriggers : buckets[0].Abstentions);

    private static async Task<decimal> CostAsync(IUsageLedger ledger, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        if (until <= since)
        {
            return 0;
        }

        var series = await ledger.SeriesAsync(new UsageSeriesQuery(since, until, Whole(until - since)) { Percentiles = false }, ct).ConfigureAwait(false);
        return series.Sum(b => b.CostUsd);
    }

    private static (long Up, long Down) Sum(IReadOnlyList<FeedbackBucket> buckets) => (buckets.Sum(b => b.Up), buckets.Sum(b => b.Down));

    private static double Share(long up, long down) => up + down == 0 ? 0 : (double)up / (up + down);

    private static AlertReading TooLittle(AlertRule rule, string message) => new(rule, false, null, null, "too little data: " + message);

    private static TimeSpan Whole(TimeSpan span) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(span.TotalSeconds)));

    private static string Span(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0}h"
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes:0}m" : $"{span.TotalSeconds:0}s";

    private static string Text(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
