using System.Threading.Channels;
using Grounded.Access;

namespace Grounded.Hosting.Guards;

/// <summary>
/// Writes the guards' audit lines off the request path: a decision drops its line into a bounded queue and the request
/// goes on; one loop appends them to the store's audit log. A line that cannot be written (the store is down) is retried
/// once after a pause, then dropped and counted; so is a line that finds the queue full.
/// </summary>
public sealed class GuardAuditWriter : IAsyncDisposable
{
    /// <summary>The most lines waiting to be written.</summary>
    public const int Capacity = 10_000;

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Func<CancellationToken, Task<IAuditLog>> _log;
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private long _dropped;
    private long _pending;

    /// <summary>Starts the writer over the audit log <paramref name="log"/> opens.</summary>
    public GuardAuditWriter(Func<CancellationToken, Task<IAuditLog>> log, TimeProvider time)
    {
        _log = log;
        _time = time;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Gets how many lines were dropped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a line; never blocks.</summary>
    public void Add(AuditEntry entry)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(entry))
        {
            Interlocked.Decrement(ref _pending);
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Waits until every line queued so far is written or dropped (tests, and the CLI before it exits).</summary>
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
        await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(5), _time)).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var entry in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var log = await _log(CancellationToken.None).ConfigureAwait(false);
                    await log.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
                    break;
                }
                catch (Exception) when (attempt == 0 && !_queue.Reader.Completion.IsCompleted)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _time).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref _dropped);
                    break;
                }
            }

            Interlocked.Decrement(ref _pending);
        }
    }
}
