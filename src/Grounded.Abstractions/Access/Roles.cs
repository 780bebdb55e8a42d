namespace Grounded.Access;

/// <summary>Role names as users write them (<c>reader</c>, <c>writer</c>, <c>admin</c>).</summary>
public static class Roles
{
    /// <summary>Returns the role's name.</summary>
    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>Returns the role <paramref name="name"/> names (any case), or null.</summary>
    public static Role? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "reader" => Role.Reader,
        "writer" => Role.Writer,
        "admin" => Role.Admin,
        _ => null,
    };
}
