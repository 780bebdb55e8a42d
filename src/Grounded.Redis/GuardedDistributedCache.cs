using Microsoft.Extensions.Caching.Distributed;

namespace Grounded.Redis;

/// <summary>
/// The shared cache level as the answer caches need it: an optional speed-up that must never slow a request down. A call
/// that fails, or takes longer than <see cref="Timeout"/>, is a miss (or a skipped write), and for <see cref="CoolDown"/>
/// after it the level is skipped altogether, so an unreachable Redis costs one timeout, not one per request.
/// </summary>
internal sealed class GuardedDistributedCache(IDistributedCache inner, TimeProvider time) : IDistributedCache
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan CoolDown = TimeSpan.FromSeconds(15);

    private long _skipUntil;
    private long _failures;

    /// <summary>Gets how many calls failed or timed out.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public byte[]? Get(string key) => Skipping ? null : Guard(() => inner.Get(key));

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        Skipping ? null : await GuardAsync(ct => inner.GetAsync(key, ct), token).ConfigureAwait(false);

    public void Refresh(string key)
    {
        if (!Skipping)
        {
            Guard<object?>(() => { inner.Refresh(key); return null; });
        }
    }

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        Skipping ? Task.CompletedTask : GuardAsync<object?>(async ct => { await inner.RefreshAsync(key, ct).ConfigureAwait(false); return null; }, token);

    public void Remove(string key)
    {
        if (!Skipping)
        {
            Guard<object?>(() => { inner.Remove(key); return null; });
        }
    }

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        Skipping ? Task.CompletedTask : GuardAsync<object?>(async ct => { await inner.RemoveAsync(key, ct).ConfigureAwait(false); return null; }, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        if (!Skipping)
        {
            Guard<object?>(() => { inner.Set(key, value, options); return null; });
        }
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        Skipping ? Task.CompletedTask : GuardAsync<object?>(async ct => { await inner.SetAsync(key, value, options, ct).ConfigureAwait(false); return null; }, token);

    private bool Skipping => time.GetTimestamp() < Interlocked.Read(ref _skipUntil);

    private T? Guard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Failed();
            return default;
        }
    }

    private async Task<T?> GuardAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(Timeout);
        var work = call(timeout.Token);
        try
        {
            // Some calls do not watch the token while connecting: the wait is bounded here either way.
            return await work.WaitAsync(Timeout, time, token).ConfigureAwait(false);
        }
        catch (Exception) when (!token.IsCancellationRequested) // a failure or the timeout, not the caller's cancellation
        {
            _ = work.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default); // observe a late failure
            Failed();
            return default;
        }
    }

    private void Failed()
    {
        Interlocked.Increment(ref _failures);
        Interlocked.Exchange(ref _skipUntil, time.GetTimestamp() + (long)(CoolDown.TotalSeconds * time.TimestampFrequency));
    }
}
