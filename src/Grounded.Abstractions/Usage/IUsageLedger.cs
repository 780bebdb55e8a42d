namespace Grounded.Usage;

/// <summary>The usage ledger: one row per model request (chat, responses, ask with a model, embeddings), kept beside the keys.</summary>
public interface IUsageLedger
{
    /// <summary>Appends rows, all or none.</summary>
    Task RecordAsync(IReadOnlyList<UsageRecord> records, CancellationToken cancellationToken);

    /// <summary>Sums the rows <paramref name="query"/> covers into groups, the costliest first.</summary>
    Task<IReadOnlyList<UsageTotal>> SummarizeAsync(UsageQuery query, CancellationToken cancellationToken);

    /// <summary>Sums the rows <paramref name="query"/> covers into its time buckets (and models), oldest first; buckets without rows are left out.</summary>
    Task<IReadOnlyList<UsageBucket>> SeriesAsync(UsageSeriesQuery query, CancellationToken cancellationToken);
}
