using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace Grounded.Gateway.Cache;

/// <summary>
/// The embedded semantic index: per scope, the entries' unit vectors in one contiguous array scanned with SIMD dot
/// products (a scope holds one tenant's requests to one model in one context: small enough that an exact scan beats
/// building a graph, and exact is what a cache that must not serve a wrong answer wants). Expired entries go on the next
/// write; past <see cref="CacheOptions.SemanticEntriesPerScope"/> the oldest go first.
/// </summary>
public sealed class InMemorySemanticIndex(int entriesPerScope, TimeProvider time) : ISemanticIndex
{
    private readonly ConcurrentDictionary<string, Partition> _scopes = new(StringComparer.Ordinal);
    private long _count;

    /// <inheritdoc />
    public long Count => Interlocked.Read(ref _count);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SemanticEntry>> NearestAsync(string scope, ReadOnlyMemory<float> vector, int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_scopes.TryGetValue(scope, out var partition) ? partition.Nearest(vector.Span, count, time.GetUtcNow()) : (IReadOnlyList<SemanticEntry>)[]);

    /// <inheritdoc />
    public ValueTask AddAsync(string scope, ReadOnlyMemory<float> vector, CachedAnswer answer, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var partition = _scopes.GetOrAdd(scope, _ => new Partition(vector.Length));
        Interlocked.Add(ref _count, partition.Add(vector.Span, answer, time.GetUtcNow() + ttl, time.GetUtcNow(), entriesPerScope));
        return ValueTask.CompletedTask;
    }

    private sealed class Partition(int dimensions)
    {
        private readonly Lock _gate = new();
        private readonly List<(CachedAnswer Answer, DateTimeOffset Expires)> _entries = [];
        private float[] _vectors = new float[dimensions * 16];

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
                var live = _entries.Count(e => e.Expires > now);
                var drop = Math.Max(0, live - (cap - 1)); // the oldest live entries beyond the cap, one slot kept for the new entry
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
                if ((keep + 1) * dimensions > _vectors.Length)
                {
                    Array.Resize(ref _vectors, _vectors.Length * 2);
                }

                vector.CopyTo(_vectors.AsSpan(keep * dimensions));
                _entries.Add((answer, expires));
                return _entries.Count - before;
            }
        }
    }
}
