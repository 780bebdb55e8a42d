using System.ComponentModel;
using Spectre.Console.Cli;

namespace Grounded.Cli.Commands;

/// <summary>The options of <c>grounded keys</c> verbs: the store whose keys they manage (no model is loaded).</summary>
internal class KeySettings : StoreSettings
{
    /// <summary>Splits a comma-separated list, dropping blanks.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}

/// <summary><c>grounded keys create</c>'s options.</summary>
internal sealed class KeyCreateSettings : KeySettings
{
    [CommandOption("--tenant <TENANT>")]
    [Description("The tenant the key acts for (required)")]
    public string? Tenant { get; init; }

    [CommandOption("--role <ROLE>")]
    [Description("reader (chat, ask, search, embeddings), writer (+ upload, delete, ingest) or admin (+ keys, audit). Default: reader")]
    public string Role { get; init; } = "reader";

    [CommandOption("--name <NAME>")]
    [Description("Who or what uses the key, for listings")]
    public string? Name { get; init; }

    [CommandOption("--expires <DURATION>")]
    [Description("How long the key works, e.g. 90d or 12h (default: until revoked)")]
    public string? Expires { get; init; }

    [CommandOption("--groups <A,B>")]
    [Description("The key's groups, comma-separated: it sees documents without groups or in one of these")]
    public string? Groups { get; init; }

    [CommandOption("--rpm <N>")]
    [Description("Requests per minute allowed (default: no limit)")]
    public long? Rpm { get; init; }

    [CommandOption("--tpm <N>")]
    [Description("Model tokens per minute allowed (default: no limit)")]
    public long? Tpm { get; init; }
}

/// <summary>The options of verbs that act on one key.</summary>
internal sealed class KeyIdSettings : KeySettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The key's id (grounded keys list shows them)")]
    public string Id { get; init; } = string.Empty;
}

/// <summary><c>grounded keys list</c>'s options.</summary>
internal sealed class KeyListSettings : KeySettings
{
    [CommandOption("--tenant <TENANT>")]
    [Description("Only this tenant's keys (default: all)")]
    public string? Tenant { get; init; }
}

/// <summary><c>grounded audit</c>'s options.</summary>
internal sealed class AuditSettings : KeySettings
{
    [CommandOption("--since <DURATION>")]
    [Description("How far back, e.g. 7d or 12h. Default: 7d")]
    public string Since { get; init; } = "7d";

    [CommandOption("--tenant <TENANT>")]
    [Description("Only this tenant's entries (default: all)")]
    public string? Tenant { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many entries, the newest. Default: 1000")]
    public int Limit { get; init; } = 1000;
}
