namespace Grounded.Hosting;

/// <summary>
/// Something opened on first use, once, for every caller (the store and its model, the store's keys): a caller's
/// cancellation ends only its own wait, never the shared open. After a failed open (a database that is down), callers get
/// that failure for <see cref="RetryAfter"/> before the next try, so a burst of requests during an outage does not reload
/// the model or wait out a connect timeout one after another.
/// </summary>
internal sealed class SharedOpen<T>(Func<Task<T>> open, TimeProvider time) where T : IAsyncDisposable
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private Task<T>? _task;
    private long _failedAt;

    /// <summary>Gets whether it is open.</summary>
    public bool IsOpen => Volatile.Read(ref _task) is { IsCompletedSuccessfully: true };

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> task;
        lock (_gate)
        {
            if (_task is null || (_task is { IsFaulted: true } or { IsCanceled: true } && time.GetElapsedTime(_failedAt) >= RetryAfter))
            {
                _task = OpenAsync();
            }

            task = _task;
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>Closes what was opened, waiting for an open under way; nothing when it never opened.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_task is not { } task)
        {
            return;
        }

        try
        {
            await (await task.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // It never opened: nothing to close.
        }
    }

    private async Task<T> OpenAsync()
    {
        try
        {
            return await open().ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                _failedAt = time.GetTimestamp();
            }

            throw;
        }
    }
}
