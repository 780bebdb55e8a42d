namespace Grounded.Usage;

/// <summary>The query log: one row per answered question (embedding and signals, never the text), kept beside the keys for drift monitoring.</summary>
public interface IQueryLog
{
    /// <summary>Appends rows, all or none.</summary>
    Task LogQueriesAsync(IReadOnlyList<QueryLogRecord> records, CancellationToken cancellationToken);

    /// <summary>Returns the rows from <paramref name="since"/> (inclusive) to <paramref name="until"/> (exclusive), oldest first; of one tenant when <paramref name="tenant"/> is given.</summary>
    Task<IReadOnlyList<QueryLogRecord>> ReadQueriesAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, CancellationToken cancellationToken);
}
