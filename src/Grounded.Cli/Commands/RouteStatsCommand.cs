using System.ComponentModel;
using Grounded.Cli.Output;
using Grounded.Hosting.Config;
using Grounded.Usage;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary>
/// <c>grounded route stats</c>: from the usage ledger, how a route's requests were split between its classes, what they
/// cost, and what they would have cost had every one gone to the route's most expensive model (at that model's prices,
/// for the same tokens).
/// </summary>
[Description("Show a route's share of requests per class and the saving against always using its most expensive model, from the usage ledger")]
internal sealed class RouteStatsCommand : GroundedCommand<RouteStatsSettings>
{
    protected override async Task<int> RunAsync(RouteStatsSettings settings, CancellationToken cancellationToken)
    {
        if (!Durations.TryParse(settings.Since, out var window) || window <= TimeSpan.Zero)
        {
            throw new UserInputException($"--since: '{settings.Since}' is not a duration (e.g. 7d, 12h)");
        }

        await using var stack = OpenStack(settings); // the ledger only: no model is loaded
        var gateway = stack.Options.Gateway;
        var route = gateway.FindRoute(settings.Route) ?? throw new UserInputException(gateway.Routes.Count == 0
            ? $"no route named '{settings.Route}': no routes are configured"
            : $"no route named '{settings.Route}' (routes: {string.Join(", ", gateway.Routes.Select(r => r.Name))})");
        var largest = route.Models().Select(gateway.Find).OfType<Gateway.Config.ModelOptions>().MaxBy(m => m.InputPerMTok + m.OutputPerMTok)!;
        var ledger = await stack.GetAccessAsync(cancellationToken).ConfigureAwait(false);
        var rows = await ledger.SummarizeAsync(new UsageQuery(DateTimeOffset.UtcNow - window, UsageGrouping.Class) { Tenant = settings.Tenant, Route = route.Name }, cancellationToken).ConfigureAwait(false);
        var total = rows.Sum(r => r.Requests);
        var classes = rows.Select(r =>
        {
            var atLargest = largest.Cost(r.InputTokens, r.OutputTokens, r.CachedInputTokens); // the same tokens at the largest model's prices
            return new
            {
                @class = r.Key,
                model = route.Models().Count == 0 ? null : ModelOf(route, r.Key),
                requests = r.Requests,
                share = total == 0 ? 0 : Math.Round(r.Requests / (double)total, 4),
                costUsd = r.CostUsd,
                largestModelUsd = Math.Round(atLargest, 9),
                savedUsd = Math.Round(atLargest - r.CostUsd, 9),
            };
        }).ToList();
        var cost = classes.Sum(c => c.costUsd);
        var atLargestTotal = classes.Sum(c => c.largestModelUsd);
        var result = new
        {
            route = route.Name,
            since = settings.Since,
            largestModel = largest.Name,
            requests = total,
            costUsd = cost,
            largestModelUsd = atLargestTotal,
            savedUsd = atLargestTotal - cost,
            savedShare = atLargestTotal == 0 ? 0 : Math.Round((double)((atLargestTotal - cost) / atLargestTotal), 4),
            classes,
        };
        if (settings.Json)
        {
            JsonOutput.Write(result);
            return ExitCodes.Success;
        }

        if (total == 0)
        {
            CliConsole.Out.MarkupLine($"no requests through route '{Markup.Escape(route.Name)}' in the last {Markup.Escape(settings.Since)}");
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("class").AddColumn("model").AddColumn(new TableColumn("requests").RightAligned())
            .AddColumn(new TableColumn("share").RightAligned()).AddColumn(new TableColumn("USD").RightAligned()).AddColumn(new TableColumn($"USD on {Markup.Escape(largest.Name)}").RightAligned());
        foreach (var c in classes)
        {
            table.AddRow(Markup.Escape(c.@class), Markup.Escape(c.model ?? "-"), $"{c.requests:N0}", $"{c.share:P1}", $"{c.costUsd:0.######}", $"{c.largestModelUsd:0.######}");
        }

        CliConsole.Out.Write(table);
        CliConsole.Out.MarkupLine($"saved ${result.savedUsd:0.######} ({result.savedShare:P1}) against sending every request to {Markup.Escape(largest.Name)}");
        return ExitCodes.Success;
    }

    private static string? ModelOf(Gateway.Config.ModelRouteOptions route, string className) =>
        Enum.TryParse<Gateway.Route.RequestClass>(className, ignoreCase: true, out var c) ? route.ModelFor(c) : null;
}
