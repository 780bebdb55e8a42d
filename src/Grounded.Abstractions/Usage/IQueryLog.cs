namespace Grounded.Usage;

/// <summary>The query log: one row per answered question (embedding and signals, never the text), kept beside the keys for drift monitoring.</summary>
public interface IQueryLog
{
    /// <summary>Appends rows, all or none.</summary>
    Task LogQueriesAsync(IReadOnlyList<QueryLogRecord> records, CancellationToken cancellationToken);

    /// <summary>Returns the rows from <paramref name="since"/> (inclusive) to <paramref name="until"/> (exclusive), oldest first; of one tenant when <paramref name="tenant"/> is given.</summary>
    Task<IReadOnlyList<QueryLogRecord>> ReadQueriesAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, CancellationToken cancellationToken);

    /// <summary>
    /// Sums the rows from <paramref name="since"/> (a whole second; inclusive) to <paramref name="until"/> (exclusive) into buckets of
    /// <paramref name="bucket"/> (whole seconds) counted from <paramref name="since"/>, oldest first, without the embeddings; buckets without rows are left out.
    /// </summary>
    Task<IReadOnlyList<QueryBucket>> QuerySeriesAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant, CancellationToken cancellationToken);
}
