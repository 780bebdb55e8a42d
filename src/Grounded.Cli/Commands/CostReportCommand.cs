using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Hosting.Config;
using Grounded.Usage;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded cost report</c>: what the store's usage ledger says was spent, grouped by model, key, day, tenant...</summary>
[Description("Report tokens and dollars spent from the usage ledger, grouped by model, key, day, tenant, user, endpoint, class, cache or prompt")]
internal sealed class CostReportCommand : GroundedCommand<CostReportSettings>
{
    protected override async Task<int> RunAsync(CostReportSettings settings, CancellationToken cancellationToken)
    {
        if (!Durations.TryParse(settings.Since, out var window) || window <= TimeSpan.Zero)
        {
            throw new UserInputException($"--since: '{settings.Since}' is not a duration (e.g. 7d, 12h)");
        }

        if (!Enum.TryParse<UsageGrouping>(settings.By, ignoreCase: true, out var by) || !Enum.IsDefined(by) || int.TryParse(settings.By, out _))
        {
            throw new UserInputException($"--by: '{settings.By}' is not one of {string.Join(", ", Enum.GetNames<UsageGrouping>().Select(n => n.ToLowerInvariant()))}");
        }

        await using var stack = OpenStack(settings); // the ledger only: no model is loaded
        var now = DateTimeOffset.UtcNow;
        var since = now - window;
        var ledger = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ledger.SummarizeAsync(new UsageQuery(since, by) { Tenant = settings.Tenant }, cancellationToken).ConfigureAwait(false);
        var total = Total(rows);
        if (settings.Json)
        {
            JsonOutput.Write(new { since, until = now, by = settings.By.ToLowerInvariant(), rows, total });
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            CliConsole.Out.MarkupLine($"no model requests in the last {Markup.Escape(settings.Since)}");
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(settings.By.ToLowerInvariant()).AddColumn(new TableColumn("requests").RightAligned())
            .AddColumn(new TableColumn("input tok").RightAligned()).AddColumn(new TableColumn("output tok").RightAligned())
            .AddColumn(new TableColumn("USD").RightAligned()).AddColumn(new TableColumn("cache hits").RightAligned())
            .AddColumn(new TableColumn("saved USD").RightAligned()).AddColumn(new TableColumn("errors").RightAligned());
        foreach (var row in rows.Append(total))
        {
            table.AddRow(Markup.Escape(row.Key), $"{row.Requests:N0}", $"{row.InputTokens:N0}", $"{row.OutputTokens:N0}",
                $"{row.CostUsd:0.######}", $"{row.CacheHits:N0}", $"{row.SavedUsd:0.######}", $"{row.Errors:N0}");
        }

        CliConsole.Out.Write(table);
        return ExitCodes.Success;
    }

    private static UsageTotal Total(IReadOnlyList<UsageTotal> rows)
    {
        var requests = rows.Sum(r => r.Requests);
        return new UsageTotal("total")
        {
            Requests = requests,
            InputTokens = rows.Sum(r => r.InputTokens),
            CachedInputTokens = rows.Sum(r => r.CachedInputTokens),
            OutputTokens = rows.Sum(r => r.OutputTokens),
            CostUsd = rows.Sum(r => r.CostUsd),
            SavedUsd = rows.Sum(r => r.SavedUsd),
            CacheHits = rows.Sum(r => r.CacheHits),
            Errors = rows.Sum(r => r.Errors),
            MeanLatencyMs = requests == 0 ? 0 : Math.Round(rows.Sum(r => r.MeanLatencyMs * r.Requests) / requests, 1),
        };
    }
}
