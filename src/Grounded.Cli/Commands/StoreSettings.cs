using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>Options every verb that uses a store shares.</summary>
internal class StoreSettings : CommandSettings
{
    [CommandOption("--store <DIR|URL>")]
    [Description("Store directory, or a PostgreSQL store as postgres://USER@HOST:PORT/DB. Default: $GROUNDED_HOME, else ./.grounded (eval verbs: a per-data-set cache folder)")]
    public string? Store { get; init; }

    /// <summary>Gets the store's location (a directory or a postgres:// URL): --store, else $GROUNDED_HOME, else ./.grounded.</summary>
    public string StoreDirectory => Store ?? Rag.LocalRagOptions.DefaultStoreDirectory();

    [CommandOption("--json")]
    [Description("Print one JSON object on stdout instead of text")]
    public bool Json { get; init; }

    [CommandOption("--no-quantize")]
    [Description("Embed with the float32 model instead of the int8-quantized one (the store must match)")]
    public bool NoQuantize { get; init; }
}
