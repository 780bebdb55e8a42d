using System.Collections.Concurrent;
using Grounded.Access;

namespace Grounded.Gateway.Limits;

/// <summary>
/// Token buckets held in this process: exact under concurrency (one lock per bucket) and fast (no I/O). Buckets that have filled up
/// again are retired a few at a time as calls arrive, so memory follows the keys in use, not every key ever seen.
/// </summary>
public sealed class TokenBucketLimiter : IRateLimiter
{
    // Every SweepEvery calls, up to SweepBatch buckets are checked: a bounded cost per call, a full round every n / 2 calls.
    private const int SweepEvery = 16;
    private const int SweepBatch = 32;

    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private IEnumerator<KeyValuePair<string, TokenBucket>>? _cursor;
    private int _calls;
    private int _sweeping;

    /// <summary>Creates an empty set of buckets that reads the time from <paramref name="time"/> (the system clock when null).</summary>
    public TokenBucketLimiter(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Gets how many buckets are held.</summary>
    internal int Count => _buckets.Count;

    /// <inheritdoc />
    public ValueTask<RateDecision> AcquireAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken)
    {
        RateLimitArguments.Check(key, limit, cost);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetTimestamp();
        RateDecision decision;
        for (var bucket = Bucket(key, limit, now); !bucket.TryAcquire(limit, cost, now, _time, out decision); bucket = Bucket(key, limit, now))
        {
            Forget(key, bucket);
        }

        Sweep(now);
        return ValueTask.FromResult(decision);
    }

    /// <inheritdoc />
    public ValueTask DebitAsync(string key, RateLimit limit, long cost, CancellationToken cancellationToken)
    {
        RateLimitArguments.Check(key, limit, cost);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _time.GetTimestamp();
        for (var bucket = Bucket(key, limit, now); !bucket.TryDebit(limit, cost, now, _time); bucket = Bucket(key, limit, now))
        {
            Forget(key, bucket);
        }

        Sweep(now);
        return ValueTask.CompletedTask;
    }

    private TokenBucket Bucket(string key, RateLimit limit, long now) =>
        _buckets.GetOrAdd(key, static (_, state) => new TokenBucket(state.limit, state.now), (limit, now));

    // Removes only this (retired) bucket: a fresh one another caller already put in its place stays.
    private void Forget(string key, TokenBucket bucket) => _buckets.TryRemove(new KeyValuePair<string, TokenBucket>(key, bucket));

    private void Sweep(long now)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery != 0 || Interlocked.Exchange(ref _sweeping, 1) != 0)
        {
            return;
        }

        try
        {
            _cursor ??= _buckets.GetEnumerator();
            for (var i = 0; i < SweepBatch; i++)
            {
                if (!_cursor.MoveNext())
                {
                    _cursor.Dispose();
                    _cursor = null;
                    return;
                }

                var (key, bucket) = _cursor.Current;
                if (bucket.TryRetire(now, _time))
                {
                    Forget(key, bucket);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }
}
