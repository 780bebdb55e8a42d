namespace Grounded.Access;

/// <summary>One administrative action: who did what to what, when and from where. Never holds a secret.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it: a key id, <c>config</c>, or <c>local</c> (the CLI on this machine).</param>
/// <param name="Tenant">The tenant the action concerned.</param>
/// <param name="Action">What was done, e.g. <c>key.created</c>, <c>key.revoked</c>, <c>document.deleted</c>.</param>
/// <param name="Target">What it was done to, e.g. a key or document id.</param>
/// <param name="Origin">Where the request came from: a client address, or <c>cli@HOST</c>.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Tenant, string Action, string Target, string Origin)
{
    /// <summary>Gets details of the action (a role, a source name); empty when none.</summary>
    public string Detail { get; init; } = string.Empty;
}
