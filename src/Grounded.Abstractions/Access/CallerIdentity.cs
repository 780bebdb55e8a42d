using Grounded.Storage;

namespace Grounded.Access;

/// <summary>
/// Who a request comes from, as every stage reads it: the key, its tenant, its role and its groups. A document is visible to
/// a caller when it belongs to the caller's tenant and has no groups or shares one with the caller.
/// </summary>
/// <param name="KeyId">The key's id (<c>config</c> for a key from the YAML file, <c>local</c> for the CLI, <c>anonymous</c> when the server needs no key).</param>
/// <param name="Tenant">The tenant whose data the caller sees.</param>
/// <param name="Role">What the caller may do.</param>
/// <param name="Groups">The caller's groups; null sees every document of the tenant, whatever its groups.</param>
public sealed record CallerIdentity(string KeyId, string Tenant, Role Role, IReadOnlyList<string>? Groups)
{
    /// <summary>Gets the identity of the local CLI and of a server that needs no key: admin of the default tenant, seeing all its documents.</summary>
    public static CallerIdentity Local { get; } = new("local", Tenants.Default, Role.Admin, null);

    /// <summary>Gets the requests per minute the key may make; null for no limit.</summary>
    public long? RequestsPerMinute { get; init; }

    /// <summary>Gets the model tokens per minute the key may use; null for no limit.</summary>
    public long? TokensPerMinute { get; init; }

    /// <summary>Returns whether the caller's role allows what <paramref name="required"/> allows.</summary>
    public bool Can(Role required) => Role >= required;

    /// <summary>
    /// Gets whether the caller operates the server: an admin of the default tenant. Server-wide things (the prompts every
    /// tenant's requests use, alert states over all tenants' figures) are theirs; another tenant's admin runs only that tenant.
    /// </summary>
    public bool IsOperator => Role == Role.Admin && Tenant == Tenants.Default;

    /// <summary>Returns <paramref name="filter"/> restricted to what the caller may see: its tenant, and its groups.</summary>
    public SearchFilter Scope(SearchFilter? filter) => (filter ?? SearchFilter.None) with { Tenant = Tenant, Groups = Groups };
}
