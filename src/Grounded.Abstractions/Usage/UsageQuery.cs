namespace Grounded.Usage;

/// <summary>What a usage report covers: a time range, how rows are grouped, and optionally one tenant or one route.</summary>
/// <param name="Since">The first instant covered.</param>
/// <param name="By">How rows are grouped.</param>
public sealed record UsageQuery(DateTimeOffset Since, UsageGrouping By)
{
    /// <summary>Gets the instant the report ends at (exclusive); null means now.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Gets the only tenant covered; null covers all.</summary>
    public string? Tenant { get; init; }

    /// <summary>Gets the only route covered (requests whose model was chosen by it); null covers all.</summary>
    public string? Route { get; init; }
}
