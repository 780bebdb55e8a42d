using System.Text.Json.Serialization;
using Grounded.Access;

namespace Grounded.Hosting.Access;

/// <summary>A key as the API and <c>grounded keys --json</c> show it; the secret only when just issued.</summary>
public sealed record KeyView(string Id, string Tenant, string Role, string Name, IReadOnlyList<string> Groups, long? Rpm, long? Tpm,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Gets the secret, present only when the key was just created or rotated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    /// <summary>Returns the view of <paramref name="key"/>, with its secret when just issued.</summary>
    public static KeyView Of(ApiKey key, string? secret = null) => new(key.Id, key.Tenant, Roles.Name(key.Role), key.Name, key.Groups,
        key.RequestsPerMinute, key.TokensPerMinute, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt) { Key = secret };
}
