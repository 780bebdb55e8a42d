using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded route stats</c>'s options: the store whose usage ledger is read, and the route.</summary>
internal sealed class RouteStatsSettings : StoreSettings
{
    [CommandOption("--route <NAME>")]
    [Description("The route, e.g. auto. Default: auto")]
    public string Route { get; init; } = "auto";

    [CommandOption("--since <DURATION>")]
    [Description("How far back, e.g. 7d or 12h. Default: 7d")]
    public string Since { get; init; } = "7d";

    [CommandOption("--tenant <TENANT>")]
    [Description("Only this tenant's requests (default: all)")]
    public string? Tenant { get; init; }
}
