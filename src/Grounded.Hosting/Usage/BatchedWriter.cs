using System.Threading.Channels;

namespace Grounded.Hosting.Usage;

/// <summary>
/// Writes items off the request path, as <see cref="UsageLedgerWriter"/> writes ledger rows: callers drop an item into a
/// bounded queue and return; one loop hands what has gathered (up to <see cref="BatchSize"/> items) to the write
/// delegate. A failed write is tried again, with the same items, after a growing pause; items are dropped (and counted)
/// only when the queue is full, or at shutdown when the destination is down. Disposing writes what is left, waiting at
/// most <see cref="DrainTimeout"/>.
/// </summary>
/// <typeparam name="T">The item written.</typeparam>
public sealed class BatchedWriter<T> : IAsyncDisposable
    where T : class
{
    /// <summary>The most items written in one batch.</summary>
    public const int BatchSize = 500;

    /// <summary>The most items waiting; beyond it items are dropped and counted in <see cref="Dropped"/>.</summary>
    public const int Capacity = 100_000;

    /// <summary>How long disposing waits for the last items to be written.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly Channel<T> _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _write;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _dropped;
    private long _written;
    private long _pending;

    /// <summary>Starts the writer; <paramref name="write"/> writes one batch, all or nothing.</summary>
    public BatchedWriter(Func<IReadOnlyList<T>, CancellationToken, Task> write, TimeProvider time)
    {
        _write = write;
        _time = time;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Gets how many items were dropped because the queue was full or the destination was down at shutdown.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets how many items were written.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Gets the last write failure, null once a write succeeds again.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Queues an item; never blocks.</summary>
    public void Add(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _pending);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Waits until every item queued so far is written (tests, and the CLI before it exits).</summary>
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
        var batch = new List<T>(BatchSize);
        var ct = _stop.Token;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
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

    private async Task WriteAsync(List<T> batch, CancellationToken ct)
    {
        for (var pause = TimeSpan.FromMilliseconds(200); ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks)))
        {
            try
            {
                await _write(batch, ct).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
                LastError = null;
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LastError = error;
                if (_queue.Reader.Completion.IsCompleted)
                {
                    Interlocked.Add(ref _dropped, batch.Count); // shutting down and the destination is down: do not hold the exit
                    return;
                }

                await Task.Delay(pause, _time, ct).ConfigureAwait(false);
            }
        }
    }
}
