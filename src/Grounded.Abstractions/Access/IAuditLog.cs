namespace Grounded.Access;

/// <summary>The append-only log of administrative actions: entries are added, never changed or removed.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Returns the entries since <paramref name="since"/>, oldest first, of one tenant or (null) of all, at most <paramref name="limit"/> (the newest).</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(DateTimeOffset since, string? tenant, int limit, CancellationToken cancellationToken);
}
