using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded alerts test|rules|check</c> as a user runs them, with webhooks on loopback.</summary>
public sealed class AlertsCommandTests
{
    [Fact]
    public async Task AlertsTestSendsOneTestAlertToEachWebhookAsJson()
    {
        using var dir = new TempDirectory();
        using var first = new WebhookListener();
        using var second = new WebhookListener();
        var config = dir.Write("grounded.yaml", $"alerts: {{ webhooks: [ \"{first.Url}\", \"{second.Url}\" ] }}\n");

        var result = await CliRunner.RunAsync(dir.Path, "alerts", "test", "--config", config, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var output = JsonDocument.Parse(result.Stdout);
        Assert.All(output.RootElement.GetProperty("webhooks").EnumerateArray(), w => Assert.True(w.GetProperty("delivered").GetBoolean()));
        foreach (var hook in new[] { first, second })
        {
            using var body = JsonDocument.Parse(Assert.Single(hook.Bodies));
            Assert.Equal("test", body.RootElement.GetProperty("grounded").GetProperty("state").GetString());
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("text").GetString()));
        }
    }

    [Fact]
    public async Task AWebhookThatRefusesOrNoWebhookAtAllExitsOneWithOneLine()
    {
        using var dir = new TempDirectory();
        using var refusing = new WebhookListener(404);
        var config = dir.Write("grounded.yaml", $"alerts: {{ webhooks: [ \"{refusing.Url}\" ] }}\n");
        var none = dir.Write("none.yaml", "alerts: { interval: 1m }\n");

        var refused = await CliRunner.RunAsync(dir.Path, "alerts", "test", "--config", config);
        var empty = await CliRunner.RunAsync(dir.Path, "alerts", "test", "--config", none);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("HTTP 404", refused.Stdout, StringComparison.Ordinal);
        Assert.Equal("error: 1 of 1 webhooks did not accept the test alert", Assert.Single(refused.ErrorLines));
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("no webhooks configured", Assert.Single(empty.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsRulesWritesPrometheusRulesAndAlertsCheckPrintsEveryRulesState()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("grounded.yaml", "alerts: { rules: [ { kind: error_rate }, { kind: spend } ] }\n");
        var rules = dir.Combine("rules.yml");

        var written = await CliRunner.RunAsync(dir.Path, "alerts", "rules", "--config", config, "--out", rules);
        var check = await CliRunner.RunAsync(dir.Path, "alerts", "check", "--config", config, "--store", dir.Combine("store"), "--json");

        Assert.True(written.ExitCode == 0, written.ToString());
        var yaml = await File.ReadAllTextAsync(rules);
        Assert.Contains("groups:", yaml, StringComparison.Ordinal);
        Assert.Contains("- alert: grounded_error_rate", yaml, StringComparison.Ordinal);
        Assert.Contains("grounded_server_cost_USD_total", yaml, StringComparison.Ordinal);
        Assert.True(check.ExitCode == 0, check.ToString());
        using var states = JsonDocument.Parse(check.Stdout);
        Assert.Equal([("error_rate", "ok"), ("spend", "ok")], states.RootElement.GetProperty("alerts").EnumerateArray().Select(a => (a.GetProperty("rule").GetString()!, a.GetProperty("state").GetString()!)));
    }
}
