using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded eval export-feedback</c>.</summary>
internal sealed class EvalExportFeedbackSettings : StoreSettings
{
    [CommandOption("--since <DURATION>")]
    [Description("Export the feedback of the last DURATION (e.g. 30d, 12h). Default: 30d")]
    public string Since { get; init; } = "30d";

    [CommandOption("--rating <RATING>")]
    [Description("up: up-rated answers (expected answers); down: down-rated ones only, tagged needs-review; all: both. Default: up")]
    public string Rating { get; init; } = "up";

    [CommandOption("--tenant <TENANT>")]
    [Description("Export one tenant's feedback only. Default: every tenant's")]
    public string? Tenant { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write the data set (JSON Lines, as eval run --dataset reads) to FILE. Default: standard output")]
    public string? Out { get; init; }
}
