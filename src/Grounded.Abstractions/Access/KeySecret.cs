using System.Security.Cryptography;
using System.Text;

namespace Grounded.Access;

/// <summary>
/// How a key's secret is written: <c>grd_</c> + the key's 12-character id + <c>_</c> + 43 random characters. The prefix makes a
/// leaked key recognisable (secret scanners, logs); the id makes the lookup one primary-key read. Stores keep only the
/// SHA-256 of the whole secret: with 256 random bits a slow hash adds nothing.
/// </summary>
public static class KeySecret
{
    /// <summary>What every secret starts with.</summary>
    public const string Prefix = "grd_";

    private const int IdLength = 12;
    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>Returns a new random key id.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));

    /// <summary>Returns a new secret for the key <paramref name="id"/>.</summary>
    public static string New(string id) =>
        $"{Prefix}{id}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    /// <summary>Returns the key id written in <paramref name="secret"/>, or null when it is not a Grounded key.</summary>
    public static string? IdOf(string secret) =>
        secret is { Length: > 17 } && secret.StartsWith(Prefix, StringComparison.Ordinal) && secret[Prefix.Length + IdLength] == '_'
        && secret.AsSpan(Prefix.Length, IdLength).ContainsAnyExcept(Hex) is false
            ? secret.Substring(Prefix.Length, IdLength) : null;

    /// <summary>Returns the SHA-256 of the secret, as stored.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Returns whether <paramref name="secret"/> hashes to <paramref name="hash"/>, in constant time.</summary>
    public static bool Matches(string secret, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(secret), hash);
}
