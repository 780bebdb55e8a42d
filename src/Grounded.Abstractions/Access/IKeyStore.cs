namespace Grounded.Access;

/// <summary>API keys kept in the store, hashed: create, look up by secret, list, rotate and revoke.</summary>
public interface IKeyStore
{
    /// <summary>Creates a key and returns it with its secret (shown this once); throws <see cref="ArgumentException"/> listing every problem with <paramref name="request"/>.</summary>
    Task<IssuedKey> CreateAsync(NewApiKey request, CancellationToken cancellationToken);

    /// <summary>Returns the key a secret belongs to, revoked and expired keys included (the caller decides); null for an unknown or wrong secret.</summary>
    Task<ApiKey?> FindBySecretAsync(string secret, CancellationToken cancellationToken);

    /// <summary>Returns the key with <paramref name="id"/>, or null.</summary>
    Task<ApiKey?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists the keys, newest first, of one tenant or (null) of all.</summary>
    Task<IReadOnlyList<ApiKey>> ListAsync(string? tenant, CancellationToken cancellationToken);

    /// <summary>Replaces a key's secret (the old one stops working at once); null when no active key has <paramref name="id"/>.</summary>
    Task<IssuedKey?> RotateAsync(string id, CancellationToken cancellationToken);

    /// <summary>Revokes a key; returns the revoked key, or null when no active key has <paramref name="id"/>.</summary>
    Task<ApiKey?> RevokeAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records that a key was used now (stores keep it to the minute, so most calls write nothing).</summary>
    Task TouchAsync(string id, CancellationToken cancellationToken);

    /// <summary>Returns whether the store holds any key, revoked ones included (a server with keys requires one).</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
