using System.Threading.Channels;
using Grounded.Access;
using Grounded.Usage;

namespace Grounded.Hosting.Usage;

/// <summary>
/// Writes ledger rows off the request path: requests drop their row into a queue and return; one loop appends what has
/// gathered (up to <see cref="BatchSize"/> rows per write) to the store's ledger. A failed write is tried again, with
/// the same rows, after a pause; rows are dropped (and counted) only when the queue is full. Disposing writes what is
/// left, waiting at most <see cref="DrainTimeout"/>.
/// </summary>
public sealed class UsageLedgerWriter : IAsyncDisposable
{
    /// <summary>The most rows written in one batch.</summary>
    public const int BatchSize = 500;

    /// <summary>The most rows waiting; beyond it rows are dropped and counted in <see cref="Dropped"/>.</summary>
    public const int Capacity = 100_000;

    /// <summary>How long disposing waits for the last rows to be written.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<UsageRecord> _queue = Channel.CreateBounded<UsageRecord>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly Func<CancellationToken, Task<IAccessStore>> _ledger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _dropped;
    private long _written;
    private long _pending;

    /// <summary>Starts the writer over the ledger <paramref name="ledger"/> opens.</summary>
    public UsageLedgerWriter(Func<CancellationToken, Task<IAccessStore>> ledger, TimeProvider time)
    {
        _ledger = ledger;
        _time = time;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Gets how many rows were dropped because the queue was full or the ledger could not be opened at shutdown.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets how many rows were written.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Gets the last write failure, null once a write succeeds again.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Queues a row; never blocks.</summary>
    public void Add(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(record))
        {
            Interlocked.Decrement(ref _pending);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Waits until every row queued so far is written (tests, and the CLI before it exits).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (Interlocked.Read(ref _pending) > 0 && !_loop.IsCompleted)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_loop, Task.Delay(DrainTimeout, _time)).ConfigureAwait(false) != _loop)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: what was not written is counted as dropped.
        }

        _stop.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<UsageRecord>(BatchSize);
        var ct = _stop.Token;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var record))
                {
                    batch.Add(record);
                }

                await WriteAsync(batch, ct).ConfigureAwait(false);
                Interlocked.Add(ref _pending, -batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Interlocked.Add(ref _dropped, batch.Count + _queue.Reader.Count);
            Interlocked.Exchange(ref _pending, 0);
        }
    }

    // Tries until the rows are written: a ledger that is down for a while loses nothing that fits in the queue.
    private async Task WriteAsync(List<UsageRecord> batch, CancellationToken ct)
    {
        for (var pause = TimeSpan.FromMilliseconds(200); ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks)))
        {
            try
            {
                var ledger = await _ledger(ct).ConfigureAwait(false);
                await ledger.RecordAsync(batch, ct).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
                LastError = null;
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LastError = error;
                if (_queue.Reader.Completion.IsCompleted)
                {
                    Interlocked.Add(ref _dropped, batch.Count); // shutting down and the ledger is unavailable: do not hold the exit
                    return;
                }

                await Task.Delay(pause, _time, ct).ConfigureAwait(false);
            }
        }
    }
}
