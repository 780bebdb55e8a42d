namespace Grounded.Prompts;

/// <summary>
/// A switch of a prompt's active version in one environment, as the store keeps it: the active pointer is the newest
/// switch, and the history is every switch. Who, when, from what, to what, whether forced, with what scores.
/// </summary>
/// <param name="Id">The prompt's id.</param>
/// <param name="Environment">The environment, e.g. <c>production</c>.</param>
/// <param name="Version">The version made active.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who: a key id, or <c>local</c> (the CLI on this machine).</param>
public sealed record PromptActivation(string Id, string Environment, string Version, DateTimeOffset At, string Actor)
{
    /// <summary>The action of a promotion.</summary>
    public const string Promote = "promote";

    /// <summary>The action of a rollback.</summary>
    public const string Rollback = "rollback";

    /// <summary>Gets <see cref="Promote"/> or <see cref="Rollback"/>.</summary>
    public string Action { get; init; } = Promote;

    /// <summary>Gets the version active before the switch; null when none was.</summary>
    public string? Previous { get; init; }

    /// <summary>Gets whether the evaluation gate was overridden (<c>--force</c>).</summary>
    public bool Forced { get; init; }

    /// <summary>Gets the gated metric's name; null when nothing was scored.</summary>
    public string? Metric { get; init; }

    /// <summary>Gets the version's score on its evaluation; null when not scored.</summary>
    public double? Score { get; init; }

    /// <summary>Gets the previous version's score the gate compared with; null when none.</summary>
    public double? PreviousScore { get; init; }

    /// <summary>Gets the switch's number in the store's history (what a later switch names as the one it replaces); 0 until stored.</summary>
    public long Seq { get; init; }

    /// <summary>Gets where the switch came from: a client address, or <c>cli@HOST</c>.</summary>
    public string Origin { get; init; } = string.Empty;

    /// <summary>Gets the reference of the version made active: <c>id@version</c>.</summary>
    public string Reference => $"{Id}@{Version}";

    /// <summary>Returns the audit log entry of this switch: <c>prompt.promoted</c> or <c>prompt.rolled_back</c>, the version made active, and from, to, forced and scores.</summary>
    public Access.AuditEntry ToAuditEntry() =>
        new(At, Actor, Access.Tenants.Default, Action == Rollback ? "prompt.rolled_back" : "prompt.promoted", Reference, Origin)
        {
            Detail = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"env={Environment} from={Previous ?? "none"} to={Version} forced={(Forced ? "true" : "false")}{(Metric is null ? "" : " metric=" + Metric)}{(Score is { } s ? $" score={s:0.####}" : "")}{(PreviousScore is { } p ? $" previous_score={p:0.####}" : "")}"),
        };
}
