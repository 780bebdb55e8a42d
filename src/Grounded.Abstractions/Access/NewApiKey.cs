namespace Grounded.Access;

/// <summary>What a new key is: its tenant, role and optional name, groups, expiry and limits.</summary>
public sealed record NewApiKey(string Tenant, Role Role)
{
    /// <summary>Gets the key's name (who or what uses it).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the key's groups.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Gets how long the key works; null for ever.</summary>
    public TimeSpan? ExpiresIn { get; init; }

    /// <summary>Gets the requests per minute allowed; null for no limit.</summary>
    public long? RequestsPerMinute { get; init; }

    /// <summary>Gets the model tokens per minute allowed; null for no limit.</summary>
    public long? TokensPerMinute { get; init; }

    /// <summary>Returns every problem with the request (empty when it can be made).</summary>
    public IEnumerable<string> Validate()
    {
        if (Tenants.Problem(Tenant, "tenant") is { } tenant)
        {
            yield return tenant;
        }

        if (!Enum.IsDefined(Role))
        {
            yield return $"'{Role}' is not a role: use reader, writer or admin";
        }

        foreach (var group in Groups.Select(g => Tenants.Problem(g, "group")).OfType<string>())
        {
            yield return group;
        }

        if (Role == Role.Admin && Groups.Count > 0)
        {
            yield return "an admin key covers its whole tenant: it cannot have groups (give groups to reader and writer keys)";
        }

        if (ExpiresIn is { } expires && expires <= TimeSpan.Zero)
        {
            yield return "the expiry must be in the future (e.g. 90d, 12h)";
        }

        if (RequestsPerMinute is < 1 || TokensPerMinute is < 1)
        {
            yield return "rate limits must be at least 1 per minute";
        }

        if (Name.Length > 200)
        {
            yield return "the key's name must be at most 200 characters";
        }
    }
}
