using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Hosting.Monitoring;
using Spectre.Console;

namespace Grounded.Cli.Commands;

[Description("Send one test alert (state test, the same JSON as real alerts) to each configured webhook; exit 1 if any fails")]
internal sealed class AlertsTestCommand : GroundedCommand<AlertsSettings>
{
    protected override async Task<int> RunAsync(AlertsSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings); // nothing is opened: the webhooks only
        var alerts = stack.CreateAlerts();
        if (alerts.Options.Webhooks.Count == 0)
        {
            throw new UserInputException("no webhooks configured: add alerts: { webhooks: [URL] } to the config");
        }

        var results = await alerts.SendTestAsync(cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new { webhooks = results.Select(r => new { url = r.Shown, delivered = r.Delivered, status = r.Status, attempts = r.Attempts, error = r.Error }) });
        }
        else
        {
            foreach (var r in results)
            {
                CliConsole.Out.MarkupLine(r.Delivered
                    ? $"[green]sent[/]    {Markup.Escape(r.Shown)}   HTTP {r.Status}"
                    : $"[red]failed[/]  {Markup.Escape(r.Shown)}   {Markup.Escape(r.Error ?? string.Empty)} ({r.Attempts} attempts)");
            }
        }

        var failed = results.Count(r => !r.Delivered);
        if (failed > 0)
        {
            CliConsole.Error($"{failed} of {results.Count} webhooks did not accept the test alert");
            return ExitCodes.UserError;
        }

        return ExitCodes.Success;
    }
}

[Description("Write the config's alert rules as Prometheus alerting rules over the server's /metrics (for Alertmanager)")]
internal sealed class AlertsRulesCommand : GroundedCommand<AlertsRulesSettings>
{
    protected override async Task<int> RunAsync(AlertsRulesSettings settings, CancellationToken cancellationToken)
    {
        var yaml = PrometheusRules.ToYaml(Options(settings).Alerts.Rules);
        if (settings.Out is { } path)
        {
            await File.WriteAllTextAsync(path, yaml, cancellationToken).ConfigureAwait(false);
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { rules = Options(settings).Alerts.Rules.Count, file = settings.Out, yaml = settings.Out is null ? yaml : null });
        }
        else if (settings.Out is null)
        {
            Console.Out.Write(yaml);
        }
        else
        {
            CliConsole.Out.MarkupLine($"wrote {Markup.Escape(settings.Out)}");
        }

        return ExitCodes.Success;
    }
}

[Description("Evaluate the alert rules once over the store and print their states (nothing stored or sent unless --send)")]
internal sealed class AlertsCheckCommand : GroundedCommand<AlertsCheckSettings>
{
    protected override async Task<int> RunAsync(AlertsCheckSettings settings, CancellationToken cancellationToken)
    {
        await using var stack = OpenStack(settings); // the store's access database only: no model is loaded
        var statuses = await stack.CreateAlerts().RunAsync(settings.Send, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            JsonOutput.Write(new { alerts = statuses });
            return ExitCodes.Success;
        }

        foreach (var s in statuses)
        {
            var state = s.State == Grounded.Alerts.AlertStates.Firing ? "[red]firing[/]" : "[green]ok[/]    ";
            var since = s.Since is { } at ? " since " + at.ToString("u", CultureInfo.InvariantCulture) : string.Empty;
            CliConsole.Out.MarkupLine($"{state}  {Markup.Escape(s.Rule),-18} {Markup.Escape(s.Message)}{since}");
        }

        return ExitCodes.Success;
    }
}
