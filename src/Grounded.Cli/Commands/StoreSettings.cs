using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options every verb that uses a store shares: they are laid over the config file and the environment.</summary>
internal class StoreSettings : CommandSettings
{
    [CommandOption("--store <DIR|URL>")]
    [Description("Store directory, or a PostgreSQL store as postgres://USER@HOST:PORT/DB. Default: the config's store, else $GROUNDED_HOME, else ./.grounded (eval verbs: a per-data-set cache folder)")]
    public string? Store { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("Grounded's YAML config: store, rag defaults, models (see docs/configuration.md). Default: $GROUNDED_CONFIG, else none")]
    public string? Config { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }

    [CommandOption("--no-quantize")]
    [Description("Embed with the float32 model instead of the int8-quantized one (the store must match)")]
    public bool NoQuantize { get; init; }
}
