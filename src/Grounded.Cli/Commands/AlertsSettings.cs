using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>The options every <c>grounded alerts</c> verb shares: the config (<c>alerts:</c>) and the store whose ledger, query log and alert states are read.</summary>
internal class AlertsSettings : StoreSettings;

/// <summary><c>grounded alerts rules</c>'s options.</summary>
internal sealed class AlertsRulesSettings : AlertsSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Write the Prometheus rules file here instead of to stdout")]
    public string? Out { get; init; }
}

/// <summary><c>grounded alerts check</c>'s options.</summary>
internal sealed class AlertsCheckSettings : AlertsSettings
{
    [CommandOption("--send")]
    [Description("Store the states and send the transitions to the webhooks, as the server's evaluation does")]
    public bool Send { get; init; }
}
