using Grounded.Access;
using Grounded.Usage;

namespace Grounded.Hosting.Usage;

/// <summary>
/// Writes ledger rows off the request path: requests drop their row into a queue and return; one loop appends what has
/// gathered (up to <see cref="BatchSize"/> rows per write) to the store's ledger. A failed write is tried again, with
/// the same rows, after a pause; rows are dropped (and counted) only when the queue is full. Disposing writes what is
/// left, waiting at most <see cref="DrainTimeout"/>. The queue and its loop are <see cref="BatchedWriter{T}"/>'s.
/// </summary>
public sealed class UsageLedgerWriter : IAsyncDisposable
{
    /// <summary>The most rows written in one batch.</summary>
    public const int BatchSize = BatchedWriter<UsageRecord>.BatchSize;

    /// <summary>The most rows waiting; beyond it rows are dropped and counted in <see cref="Dropped"/>.</summary>
    public const int Capacity = BatchedWriter<UsageRecord>.Capacity;

    /// <summary>How long disposing waits for the last rows to be written.</summary>
    public static readonly TimeSpan DrainTimeout = BatchedWriter<UsageRecord>.DrainTimeout;

    private readonly BatchedWriter<UsageRecord> _writer;

    /// <summary>Starts the writer over the ledger <paramref name="ledger"/> opens.</summary>
    public UsageLedgerWriter(Func<CancellationToken, Task<IAccessStore>> ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        _writer = new BatchedWriter<UsageRecord>(
            async (batch, ct) => await (await ledger(ct).ConfigureAwait(false)).RecordAsync(batch, ct).ConfigureAwait(false), time);
    }

    /// <summary>Gets how many rows were dropped because the queue was full or the ledger was down at shutdown.</summary>
    public long Dropped => _writer.Dropped;

    /// <summary>Gets how many rows were written.</summary>
    public long Written => _writer.Written;

    /// <summary>Gets the last write failure, null once a write succeeds again.</summary>
    public Exception? LastError => _writer.LastError;

    /// <summary>Queues a row; never blocks.</summary>
    public void Add(UsageRecord record) => _writer.Add(record);

    /// <summary>Waits until every row queued so far is written (tests, and the CLI before it exits).</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
