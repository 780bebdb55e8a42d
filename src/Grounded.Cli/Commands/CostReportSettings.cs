using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded cost report</c>'s options: the store whose ledger is read (no model is loaded).</summary>
internal sealed class CostReportSettings : StoreSettings
{
    [CommandOption("--since <DURATION>")]
    [Description("How far back, e.g. 7d, 30d or 12h. Default: 7d")]
    public string Since { get; init; } = "7d";

    [CommandOption("--by <GROUPING>")]
    [Description("model, key, day, tenant, user, endpoint, class, cache or prompt. Default: model")]
    public string By { get; init; } = "model";

    [CommandOption("--tenant <TENANT>")]
    [Description("Only this tenant's requests (default: all)")]
    public string? Tenant { get; init; }
}
