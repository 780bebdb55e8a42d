using System.Runtime.InteropServices;

namespace Grounded.Rag.Index.Ann;

/// <summary>
/// A USearch HNSW graph over unit vectors (inner product), where one key (a chunk) may own several vectors (its
/// windows). Adds and searches may run on several threads at once; removals and saves must not overlap them.
/// </summary>
internal sealed unsafe class HnswIndex : IDisposable
{
    private readonly Lock _growth = new();
    private nint _handle;

    private HnswIndex(nint handle, int dimensions, UsearchNative.ScalarKind quantization)
    {
        _handle = handle;
        Dimensions = dimensions;
        Quantization = quantization;
    }

    public int Dimensions { get; }

    public UsearchNative.ScalarKind Quantization { get; }

    /// <summary>Gets how many vectors the index holds.</summary>
    public long Count
    {
        get
        {
            var size = UsearchNative.Size(Handle, out var error);
            UsearchNative.Check(error, "size");
            return (long)size;
        }
    }

    /// <summary>Gets the bytes the index occupies in memory (graph and its copy of the vectors).</summary>
    public long MemoryBytes
    {
        get
        {
            var bytes = UsearchNative.MemoryUsage(Handle, out var error);
            UsearchNative.Check(error, "memory_usage");
            return (long)bytes;
        }
    }

    private nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(HnswIndex));

    /// <summary>Creates an empty index.</summary>
    public static HnswIndex Create(int dimensions, AnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var init = Options(dimensions, options);
        var handle = UsearchNative.Init(&init, out var error);
        UsearchNative.Check(error, "init");
        return new HnswIndex(handle, dimensions, init.Quantization);
    }

    /// <summary>Loads an index saved by <see cref="Save"/>; throws <see cref="InvalidDataException"/> when the file is unreadable or was built differently.</summary>
    public static HnswIndex Load(string path, int dimensions, AnnOptions options)
    {
        var index = Create(dimensions, options);
        try
        {
            UsearchNative.Load(index.Handle, path, out var error);
            if (error != 0)
            {
                throw new InvalidDataException($"cannot load the ANN index '{path}': {Marshal.PtrToStringUTF8(error)}");
            }

            var dims = (int)UsearchNative.Dimensions(index.Handle, out error);
            UsearchNative.Check(error, "dimensions");
            if (dims != dimensions)
            {
                throw new InvalidDataException($"the ANN index '{path}' holds {dims}-dimension vectors, not {dimensions}");
            }

            UsearchNative.ChangeExpansionSearch(index.Handle, (nuint)options.ExpansionSearch, out error);
            UsearchNative.Check(error, "change_expansion_search");
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Makes room for <paramref name="additional"/> more vectors, growing by at least half so repeated adds do not reallocate each time.</summary>
    public void Reserve(long additional)
    {
        lock (_growth)
        {
            var size = (ulong)Count;
            var capacity = (ulong)UsearchNative.Capacity(Handle, out var error);
            UsearchNative.Check(error, "capacity");
            var needed = size + (ulong)additional;
            if (needed > capacity)
            {
                UsearchNative.Reserve(Handle, (nuint)Math.Max(needed, capacity + capacity / 2), out error);
                UsearchNative.Check(error, "reserve");
            }
        }
    }

    /// <summary>Adds the rows of <paramref name="vectors"/> (each <see cref="Dimensions"/> long) under <paramref name="key"/>; capacity must have been reserved.</summary>
    public void Add(ulong key, ReadOnlySpan<float> vectors)
    {
        if (vectors.Length == 0 || vectors.Length % Dimensions != 0)
        {
            throw new ArgumentException($"{vectors.Length} values are not a whole number of {Dimensions}-dimension vectors", nameof(vectors));
        }

        fixed (float* start = vectors)
        {
            for (var row = 0; row < vectors.Length; row += Dimensions)
            {
                UsearchNative.Add(Handle, key, start + row, UsearchNative.ScalarKind.Float32, out var error);
                UsearchNative.Check(error, "add");
            }
        }
    }

    /// <summary>Adds many keys' vectors on <paramref name="threads"/> threads, reserving capacity for all of them first.</summary>
    public void AddMany(IReadOnlyList<(ulong Key, float[] Vectors)> items, int threads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        Reserve(items.Sum(i => (long)(i.Vectors.Length / Dimensions)));
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            i => Add(items[i].Key, items[i].Vectors));
    }

    /// <summary>Removes every vector of <paramref name="key"/>; returns how many there were.</summary>
    public int Remove(ulong key)
    {
        var removed = UsearchNative.Remove(Handle, key, out var error);
        UsearchNative.Check(error, "remove");
        return (int)removed;
    }

    /// <summary>Returns up to <paramref name="count"/> nearest vectors as (key, inner product), best first; a key may repeat.</summary>
    public int Search(ReadOnlySpan<float> query, Span<ulong> keys, Span<float> scores)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the index holds {Dimensions}.", nameof(query));
        }

        var count = Math.Min(keys.Length, scores.Length);
        nuint found;
        fixed (float* q = query)
        fixed (ulong* k = keys)
        fixed (float* d = scores)
        {
            found = UsearchNative.Search(Handle, q, UsearchNative.ScalarKind.Float32, (nuint)count, k, d, out var error);
            UsearchNative.Check(error, "search");
        }

        for (var i = 0; i < (int)found; i++)
        {
            scores[i] = 1 - scores[i]; // inner-product distance is 1 - dot
        }

        return (int)found;
    }

    /// <summary>Writes the index to <paramref name="path"/>.</summary>
    public void Save(string path)
    {
        UsearchNative.Save(Handle, path, out var error);
        UsearchNative.Check(error, "save");
    }

    public void Dispose()
    {
        if (_handle != 0)
        {
            UsearchNative.Free(_handle, out _);
            _handle = 0;
        }
    }

    private static UsearchNative.InitOptions Options(int dimensions, AnnOptions options) => new()
    {
        MetricKind = UsearchNative.Metric.InnerProduct,
        Quantization = options.Quantization switch
        {
            AnnQuantization.F16 => UsearchNative.ScalarKind.Float16,
            AnnQuantization.I8 => UsearchNative.ScalarKind.Int8,
            _ => UsearchNative.ScalarKind.Float32,
        },
        Dimensions = (nuint)dimensions,
        Connectivity = (nuint)options.Connectivity,
        ExpansionAdd = (nuint)options.ExpansionAdd,
        ExpansionSearch = (nuint)options.ExpansionSearch,
        Multi = 1,
    };
}
