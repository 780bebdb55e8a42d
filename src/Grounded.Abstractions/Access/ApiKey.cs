namespace Grounded.Access;

/// <summary>A key as the store holds it (its secret is never kept, only a hash of it).</summary>
/// <param name="Id">The key's id, also written in its secret after the prefix, so a lookup needs no scan.</param>
/// <param name="Tenant">The tenant the key acts for.</param>
/// <param name="Role">What the key may do.</param>
public sealed record ApiKey(string Id, string Tenant, Role Role)
{
    /// <summary>Gets the name given to the key (who or what uses it); empty when none.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the key's groups: it sees documents with no groups or one of these.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets the requests per minute the key may make; null for no limit.</summary>
    public long? RequestsPerMinute { get; init; }

    /// <summary>Gets the model tokens per minute the key may use; null for no limit.</summary>
    public long? TokensPerMinute { get; init; }

    /// <summary>Gets when the key was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the key stops working; null when it does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the key was last used (to the minute); null when never.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Gets when the key's secret was last replaced; null when never.</summary>
    public DateTimeOffset? RotatedAt { get; init; }

    /// <summary>Gets when the key was revoked; null while it is not.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Returns whether the key works at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);

    /// <summary>Returns the identity requests made with this key carry.</summary>
    public CallerIdentity Identity() => new(Id, Tenant, Role, Groups)
    {
        RequestsPerMinute = RequestsPerMinute,
        TokensPerMinute = TokensPerMinute,
    };
}
