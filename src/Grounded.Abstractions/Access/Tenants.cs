using System.Text.RegularExpressions;

namespace Grounded.Access;

/// <summary>Tenant names: the default tenant, and what a tenant or group name may be.</summary>
public static partial class Tenants
{
    /// <summary>The tenant of documents and keys that name none: everything made before tenants existed, and the local CLI.</summary>
    public const string Default = "default";

    /// <summary>Returns whether <paramref name="name"/> can name a tenant or a group: 1–64 characters, lower-case letters, digits, '-', '_' and '.', starting with a letter or digit.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Returns the problem with <paramref name="name"/> as a <paramref name="what"/> name, or null when it is usable.</summary>
    public static string? Problem(string? name, string what) => IsValidName(name)
        ? null
        : $"'{name}' is not a usable {what} name: use 1–64 lower-case letters, digits, '-', '_' or '.', starting with a letter or digit";

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
