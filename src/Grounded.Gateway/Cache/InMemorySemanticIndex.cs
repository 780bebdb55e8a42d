using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace Grounded.Gateway.Cache;

/// <summary>
/// The embedded semantic index: per scope, the entries' unit vectors in one contiguous array scanned with SIMD dot
/// products (a scope holds one tenant's requests to one model in one context: small enough that an exact scan beats
/// building a graph, and exact is what a cache that must not serve a wrong answer wants). Expired entries go on the next
/// write; past <see cref="CacheOptions.SemanticEntriesPerScope"/> the oldest go first. Every
/// <see cref="SweepEvery"/> writes the whole index is swept: expired entries and empty scopes go, and while more than
/// <paramref name="maxEntries"/> entries are kept the scopes written to longest ago go first.
/// </summary>
/// <param name="entriesPerScope">The most entries one scope keeps.</param>
/// <param name="time">The clock of the entries' expiry.</param>
/// <param name="maxEntries">The most entries all scopes together keep.</param>
public sealed class InMemorySemanticIndex(int entriesPerScope, TimeProvider time, int maxEntries = InMemorySemanticIndex.DefaultMaxEntries) : ISemanticIndex
{
    /// <summary>The default of the most entries all scopes together keep.</summary>
    public const int DefaultMaxEntries = 100_000;

    /// <summary>How many writes pass between two sweeps of the whole index.</summary>
    public const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, Partition> _scopes = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();
    private long _count;
    private long _writes;

    /// <inheritdoc />
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SemanticEntry>> NearestAsync(string scope, ReadOnlyMemory<float> vector, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_scopes.TryGetValue(scope, out var partition) ? partition.Nearest(vector.Span, count, time.GetUtcNow()) : (IReadOnlyList<SemanticEntry>)[]);

    /// <inheritdoc />
    public ValueTask AddAsync(string scope, ReadOnlyMemory<float> vector, CachedAnswer answer, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var partition = _scopes.GetOrAdd(scope, _ => new Partition(vector.Length));
        Interlocked.Add(ref _count, partition.Add(vector.Span, answer, now + ttl, now, entriesPerScope));
        if (Interlocked.Increment(ref _writes) % SweepEvery == 0 || Count > maxEntries)
        {
            Sweep(now);
        }

        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        lock (_sweep)
        {
            foreach (var (key, partition) in _scopes)
            {
                Interlocked.Add(ref _count, partition.RemoveExpired(now));
                if (partition.IsEmpty)
                {
                    _scopes.TryRemove(new KeyValuePair<string, Partition>(key, partition));
                }
            }

            foreach (var (key, partition) in _scopes.OrderBy(p => p.Value.LastWrite).ToList())
            {
                if (Count <= maxEntries)
                {
                    break;
                }

                if (_scopes.TryRemove(new KeyValuePair<string, Partition>(key, partition)))
                {
                    Interlocked.Add(ref _count, -partition.Size);
                }
            }

            // Counted afresh: a write that raced a scope's removal is not counted twice.
            Interlocked.Exchange(ref _count, _scopes.Values.Sum(p => (long)p.Size));
        }
    }

    private sealed class Partition(int dimensions)
    {
        private readonly Lock _gate = new();
        private readonly List<(CachedAnswer Answer, DateTimeOffset Expires)> _entries = [];
        private float[] _vectors = new float[dimensions];

        public DateTimeOffset LastWrite { get; private set; }

        public bool IsEmpty
        {
            get
            {
                lock (_gate)
                {
                    return _entries.Count == 0;
                }
            }
        }

        public int Size
        {
            get
            {
                lock (_gate)
                {
                    return _entries.Count;
                }
            }
        }

        // Returns the change in the number of entries (zero or negative).
        public int RemoveExpired(DateTimeOffset now)
        {
            lock (_gate)
            {
                var before = _entries.Count;
                Compact(now, int.MaxValue);
                return _entries.Count - before;
            }
        }

        public IReadOnlyList<SemanticEntry> Nearest(ReadOnlySpan<float> query, int count, DateTimeOffset now)
        {
            if (query.Length != dimensions)
            {
                return [];
            }

            lock (_gate)
            {
                var best = new List<(double Cosine, int Index)>(count + 1);
                for (var i = 0; i < _entries.Count; i++)
                {
                    if (_entries[i].Expires <= now)
                    {
                        continue;
                    }

                    var cosine = TensorPrimitives.Dot(query, _vectors.AsSpan(i * dimensions, dimensions));
                    if (best.Count < count || cosine > best[^1].Cosine)
                    {
                        var at = best.FindIndex(b => b.Cosine < cosine);
                        best.Insert(at < 0 ? best.Count : at, (cosine, i));
                        if (best.Count > count)
                        {
                            best.RemoveAt(best.Count - 1);
                        }
                    }
                }

                return [.. best.Select(b => new SemanticEntry(_entries[b.Index].Answer.RequestText ?? string.Empty, b.Cosine, _entries[b.Index].Answer))];
            }
        }

        // Returns the change in the number of entries.
        public int Add(ReadOnlySpan<float> vector, CachedAnswer answer, DateTimeOffset expires, DateTimeOffset now, int cap)
        {
            if (vector.Length != dimensions)
            {
                return 0;
            }

            lock (_gate)
            {
                var before = _entries.Count;
                Compact(now, cap - 1); // one slot kept for the new entry
                var keep = _entries.Count;
                LastWrite = now;
                if ((keep + 1) * dimensions > _vectors.Length)
                {
                    Array.Resize(ref _vectors, _vectors.Length * 2);
                }

                vector.CopyTo(_vectors.AsSpan(keep * dimensions));
                _entries.Add((answer, expires));
                return _entries.Count - before;
            }
        }

        // Drops expired entries, then the oldest live ones beyond the cap; the caller holds the lock.
        private void Compact(DateTimeOffset now, int cap)
        {
            var live = _entries.Count(e => e.Expires > now);
            var drop = Math.Max(0, live - cap);
            var keep = 0;
            for (var i = 0; i < _entries.Count; i++)
            {
                if (_entries[i].Expires <= now || drop-- > 0)
                {
                    continue;
                }

                if (keep != i)
                {
                    _entries[keep] = _entries[i];
                    _vectors.AsSpan(i * dimensions, dimensions).CopyTo(_vectors.AsSpan(keep * dimensions));
                }

                keep++;
            }

            _entries.RemoveRange(keep, _entries.Count - keep);
        }
    }
}
