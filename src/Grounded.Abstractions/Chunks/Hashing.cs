using System.Security.Cryptography;
using System.Text;

namespace Grounded.Chunks;

/// <summary>Content hashing shared by every stage, so a text hashes the same wherever it is seen.</summary>
public static class Hashing
{
    /// <summary>Returns the lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
