namespace Grounded.Access;

/// <summary>A key just created or rotated, with its secret: the only time the secret is shown.</summary>
/// <param name="Key">The key as stored.</param>
/// <param name="Secret">The secret to send as <c>Authorization: Bearer SECRET</c>.</param>
public sealed record IssuedKey(ApiKey Key, string Secret);
