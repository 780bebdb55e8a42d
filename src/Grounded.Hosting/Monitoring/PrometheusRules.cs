using System.Globalization;
using System.Text;

namespace Grounded.Hosting.Monitoring;

/// <summary>
/// Writes alert rules as Prometheus alerting rules over the server's <c>/metrics</c>, for teams that run Alertmanager: the
/// same conditions, windows and minimum counts, over counters and histograms instead of the store (spend is over the last
/// 24 hours, not the UTC day; quality compares the grounding histogram's mean, or the thumbs-up share, between windows, which
/// Prometheus must retain for the window plus its baseline).
/// </summary>
public static class PrometheusRules
{
    private const string Cost = "grounded_server_cost_USD_total";
    private const string Requests = "gen_ai_server_request_duration_seconds_count";
    private const string Buckets = "gen_ai_server_request_duration_seconds_bucket";
    // Errors of routed requests only, as the duration histogram counts them: 401s and scanners' 404s before any route are left out.
    private const string Errors = "grounded_server_errors_total{grounded_route!=\"http\"}";
    private const string Answers = "grounded_answers_total";
    private const string Guards = "grounded_guard_triggers_total";
    private const string Abstained = "grounded_answers_total{grounded_abstained=\"true\"}";
    private const string Grounding = "grounded_answers_grounding_confidence";
    private const string Feedback = "grounded_feedback_total";

    /// <summary>Returns the rules file (YAML) of <paramref name="rules"/>.</summary>
    public static string ToYaml(IReadOnlyList<AlertRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var yaml = new StringBuilder("# Written by grounded alerts rules: the config's alert rules over grounded serve's /metrics.\ngroups:\n  - name: grounded\n    rules:\n");
        foreach (var rule in rules)
        {
            if (Expression(rule) is not { } expr)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"      # {rule.Name} ({rule.Kind}): not exported; it compares windows of days the store keeps (grounded alerts check evaluates it)\n");
                continue;
            }

            yaml.Append(CultureInfo.InvariantCulture, $"      - alert: grounded_{rule.Name}\n        expr: {Quote(expr)}\n        labels:\n          severity: {rule.Severity}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"        annotations:\n          summary: {Quote(Summary(rule))}\n");
        }

        return yaml.ToString();
    }

    private static string? Expression(AlertRule r)
    {
        var w = Span(r.Window);
        var b = Span(r.Baseline);
        return r.Kind switch
        {
            AlertKinds.Spend => Invariant($"sum(increase({Cost}[1d])) > {r.Factor} * sum(increase({Cost}[{Span(TimeSpan.FromDays(Math.Max(1, Math.Round(r.Baseline.TotalDays))))}] offset 1d)) / {Math.Max(1, Math.Round(r.Baseline.TotalDays))} and sum(increase({Cost}[1d])) >= {r.MinUsd}"),
            AlertKinds.Quality when r.Metric == "feedback" => Invariant(
                $"sum(increase({Feedback}{{grounded_rating=\"up\"}}[{w}])) / sum(increase({Feedback}[{w}])) < {1 - r.Drop} * sum(increase({Feedback}{{grounded_rating=\"up\"}}[{b}] offset {w})) / sum(increase({Feedback}[{b}] offset {w})) and sum(increase({Feedback}[{w}])) >= {r.MinCount}"),
            AlertKinds.Quality => Invariant(
                $"sum(increase({Grounding}_sum[{w}])) / sum(increase({Grounding}_count[{w}])) < {1 - r.Drop} * sum(increase({Grounding}_sum[{b}] offset {w})) / sum(increase({Grounding}_count[{b}] offset {w})) and sum(increase({Grounding}_count[{w}])) >= {r.MinCount}"),
            AlertKinds.ErrorRate => Invariant($"sum(rate({Errors}[{w}])) / sum(rate({Requests}[{w}])) > {r.Threshold} and sum(increase({Requests}[{w}])) >= {r.MinCount}"),
            AlertKinds.P99Latency => Invariant($"histogram_quantile(0.99, sum by (le) (rate({Buckets}[{w}]))) > {r.Threshold / 1000} and sum(increase({Requests}[{w}])) >= {r.MinCount}"),
            AlertKinds.AbstentionSpike => Invariant(
                $"sum(increase({Abstained}[{w}])) / sum(increase({Answers}[{w}])) > {r.Factor} * sum(increase({Abstained}[{b}] offset {w})) / sum(increase({Answers}[{b}] offset {w})) and sum(increase({Abstained}[{w}])) >= {r.MinCount}"),
            AlertKinds.GuardSpike => Invariant(
                $"sum(increase({Guards}[{w}])) / {r.Window.TotalHours} > {r.Factor} * sum(increase({Guards}[{b}] offset {w})) / {r.Baseline.TotalHours} and sum(increase({Guards}[{w}])) >= {r.MinCount}"),
            _ => null,
        };
    }

    private static string Summary(AlertRule r) => r.Kind switch
    {
        AlertKinds.Spend => Invariant($"Grounded spend over the last day is above {r.Factor}x the trailing daily average"),
        AlertKinds.ErrorRate => Invariant($"Grounded error rate above {r.Threshold * 100:0.#}% over {Span(r.Window)}"),
        AlertKinds.P99Latency => Invariant($"Grounded p99 latency above {r.Threshold / 1000:0.###}s over {Span(r.Window)}"),
        AlertKinds.Quality => Invariant($"Grounded {r.Metric} quality over {Span(r.Window)} is down more than {r.Drop * 100:0.#}% against the {Span(r.Baseline)} before"),
        AlertKinds.AbstentionSpike => Invariant($"Grounded abstention rate over {Span(r.Window)} above {r.Factor}x the previous {Span(r.Baseline)}"),
        _ => Invariant($"Grounded guard triggers over {Span(r.Window)} above {r.Factor}x the previous {Span(r.Baseline)}"),
    };

    private static string Span(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? Invariant($"{span.TotalDays:0}d")
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? Invariant($"{span.TotalHours:0}h")
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? Invariant($"{span.TotalMinutes:0}m") : Invariant($"{Math.Ceiling(span.TotalSeconds):0}s");

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
