using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded eval drift</c>.</summary>
internal sealed class EvalDriftSettings : StoreSettings
{
    [CommandOption("--since <DURATION>")]
    [Description("The recent window: the last DURATION of traffic (e.g. 7d, 12h). Default: 7d")]
    public string Since { get; init; } = "7d";

    [CommandOption("--reference <DURATION>")]
    [Description("The reference window's length, just before the recent one. Default: 30d")]
    public string Reference { get; init; } = "30d";

    [CommandOption("--tenant <TENANT>")]
    [Description("Compare one tenant's traffic only. Default: every tenant's")]
    public string? Tenant { get; init; }

    [CommandOption("--fail-on-drift")]
    [Description("Exit 1 when drift is flagged (for a scheduled job or CI); the report is printed either way. Default: exit 0 whatever is found")]
    public bool FailOnDrift { get; init; }
}
