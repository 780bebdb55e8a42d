using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded serve</c>.</summary>
internal sealed class ServeSettings : StoreSettings
{
    [CommandOption("--config <FILE>")]
    [Description("The gateway's YAML file: models, fallbacks, resilience, auth (see docs/gateway.md)")]
    public string? Config { get; init; }

    [CommandOption("--urls <URLS>")]
    [Description("Where to listen, ';'-separated. Default: http://127.0.0.1:8080 (loopback only)")]
    public string? Urls { get; init; }

    [CommandOption("--insecure")]
    [Description("Allow listening on non-loopback addresses without API keys")]
    public bool Insecure { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Config) ? ValidationResult.Error("--config FILE is required (see docs/gateway.md)") : ValidationResult.Success();
}
