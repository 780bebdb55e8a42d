using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options of <c>grounded serve</c>.</summary>
internal sealed class ServeSettings : StoreSettings, IExactSearchSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen, ';'-separated. Default: http://127.0.0.1:8080 (loopback only)")]
    public string? Urls { get; init; }

    [CommandOption("--insecure")]
    [Description("Allow listening on non-loopback addresses without API keys")]
    public bool Insecure { get; init; }

    [CommandOption("--exact")]
    [Description("Scan every vector instead of using the HNSW index (exact, slower on large stores)")]
    public bool Exact { get; init; }
}
