using Grounded.Hosting.Config;
using Grounded.Hosting.Monitoring;

namespace Grounded.Hosting.Tests.Config;

public sealed class GroundedConfigAlertsTests
{
    [Fact]
    public void WithoutAnAlertsSectionTheDefaultRulesRunAndNothingIsSent()
    {
        var alerts = GroundedConfig.Parse(string.Empty).Alerts;

        Assert.Empty(alerts.Webhooks);
        Assert.Equal(["spend", "quality_grounding", "quality_feedback", "error_rate", "p99_latency", "abstention_spike", "guard_spike"], alerts.Rules.Select(r => r.Name));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromHours(4)), (alerts.Interval, alerts.RepeatAfter));
    }

    [Fact]
    public void WebhooksAloneKeepTheDefaultRulesAndWrittenRulesTakeTheirKindsDefaultsForWhatTheyLeaveOut()
    {
        var alerts = GroundedConfig.Parse("""
            alerts:
              webhooks: [ "https://hooks.example.com/T000/B000" ]
              interval: 30s
              repeatAfter: 1h
              rules:
                - { kind: p99_latency, threshold: 2s, window: 10m, severity: critical }
                - { name: cost, kind: spend, factor: 1.5, minUsd: 20 }
            """).Alerts;

        Assert.Equal("https://hooks.example.com/T000/B000", Assert.Single(alerts.Webhooks).ToString());
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)), (alerts.Interval, alerts.RepeatAfter));
        var latency = alerts.Rules[0];
        Assert.Equal(("p99_latency", 2000.0, TimeSpan.FromMinutes(10), "critical", 20L), (latency.Name, latency.Threshold, latency.Window, latency.Severity, latency.MinCount));
        var cost = alerts.Rules[1];
        Assert.Equal(("cost", 1.5, 20m, TimeSpan.FromDays(7)), (cost.Name, cost.Factor, cost.MinUsd, cost.Baseline));
    }

    [Fact]
    public void EveryAlertsProblemIsListedOnItsOwnLine()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse("""
            alerts:
              webhooks: [ "ftp://example.com/x", "not a url" ]
              interval: soon
              rules:
                - { kind: moon_phase }
                - { kind: error_rate, threshold: lots, window: 5 parsecs }
                - { kind: quality, metric: vibes, drop: 5 }
                - { name: Bad Name, kind: spend, severity: apocalyptic }
                - { kind: guard_spike }
                - { kind: guard_spike }
            """));

        foreach (var part in new[]
        {
            "alerts.webhooks: 'ftp://example.com/x' is not an http(s) URL", "alerts.webhooks: 'not a url'", "alerts.interval: 'soon'",
            "alerts.rules[0].kind: 'moon_phase' is not one of spend, quality", "alerts.rules[error_rate].threshold: 'lots'", "alerts.rules[error_rate].window: '5 parsecs'",
            "alerts.rules[quality].metric: 'vibes' is not grounding or feedback", "alerts.rules[quality].drop: 5", "alerts.rules[3].name: 'Bad Name'",
            "severity: 'apocalyptic' is not info, warning or critical", "the name 'guard_spike' is used by 2 rules",
        })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }

        Assert.All(error.Problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void TheWebhooksCanComeFromTheEnvironment()
    {
        var alerts = GroundedConfig.Parse(string.Empty, new Dictionary<string, string?> { ["GROUNDED__ALERTS__WEBHOOKS"] = "http://127.0.0.1:9/a, http://127.0.0.1:9/b" }).Alerts;

        Assert.Equal(["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"], alerts.Webhooks.Select(u => u.ToString()));
    }

    [Fact]
    public void AlertsCanBeTurnedOffWithoutLosingTheirWebhooks()
    {
        var alerts = GroundedConfig.Parse("alerts: { enabled: false, webhooks: [ \"http://127.0.0.1:9/a\" ] }").Alerts;

        Assert.False(alerts.Enabled);
        Assert.Single(alerts.Webhooks);
    }

    [Fact]
    public void AbstentionSpikesAreExportedOverTheAnswersCountersAbstainedLabel()
    {
        var yaml = PrometheusRules.ToYaml(GroundedConfig.Parse("alerts: { rules: [ { kind: abstention_spike } ] }").Alerts.Rules);

        Assert.Contains("grounded_answers_total{grounded_abstained=\"true\"}", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePrometheusRulesCarryTheSameWindowsThresholdsAndMinimumsOverTheMetricsNames()
    {
        var yaml = PrometheusRules.ToYaml(GroundedConfig.Parse("alerts: { rules: [ { kind: error_rate, threshold: 0.1, window: 10m, minCount: 50 }, { kind: p99_latency, threshold: 3s }, { kind: quality } ] }").Alerts.Rules);

        Assert.Contains("- alert: grounded_error_rate", yaml, StringComparison.Ordinal);
        Assert.Contains("sum(rate(grounded_server_errors_total{grounded_route!=\"http\"}[10m])) / sum(rate(gen_ai_server_request_duration_seconds_count[10m])) > 0.1 and sum(increase(gen_ai_server_request_duration_seconds_count[10m])) >= 50", yaml, StringComparison.Ordinal);
        Assert.Contains("histogram_quantile(0.99, sum by (le) (rate(gen_ai_server_request_duration_seconds_bucket[5m]))) > 3", yaml, StringComparison.Ordinal);
        Assert.Contains("sum(increase(grounded_answers_grounding_confidence_sum[3d])) / sum(increase(grounded_answers_grounding_confidence_count[3d])) < 0.95 * ", yaml, StringComparison.Ordinal);
        Assert.Contains("severity: critical", yaml, StringComparison.Ordinal);
    }
}
