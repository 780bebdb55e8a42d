using System.Text;
using Grounded.Storage;

namespace Grounded.Rag.Index;

/// <summary>
/// The vectors of filtered subsets of a store (a small tenant's chunks), each valid for one version of the store, holding
/// at most <see cref="MaxValues"/> floats in all; the least recently used subset goes first.
/// </summary>
internal sealed class FilteredMatrixCache
{
    /// <summary>The most floats held across all subsets: 64 M floats, 256 MiB.</summary>
    public const long MaxValues = 64L << 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _values;
    private long _clock;

    /// <summary>Returns the cache key of a filter: every condition, unambiguously separated.</summary>
    public static string Key(SearchFilter filter)
    {
        var key = new StringBuilder();
        Append(key, filter.Tenant);
        Append(key, filter.Collection);
        Append(key, filter.SourcePrefix);
        Append(key, filter.Groups is null ? null : string.Join('\u001f', filter.Groups.Order(StringComparer.Ordinal)));
        Append(key, string.Join('\u001f', filter.Tags.Order(StringComparer.Ordinal)));
        return key.ToString();
    }

    public bool TryGet(string key, (long, long) version, out VectorMatrix matrix)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Version == version)
            {
                entry.LastUsed = ++_clock;
                matrix = entry.Matrix;
                return true;
            }

            matrix = null!;
            return false;
        }
    }

    public void Add(string key, (long, long) version, VectorMatrix matrix)
    {
        var size = (long)matrix.RowCount * matrix.Dimensions;
        if (size > MaxValues)
        {
            return;
        }

        lock (_gate)
        {
            Remove(key);
            while (_values + size > MaxValues && _entries.Count > 0)
            {
                Remove(_entries.MinBy(e => e.Value.LastUsed).Key);
            }

            _entries[key] = new Entry(matrix, version) { LastUsed = ++_clock };
            _values += size;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _values = 0;
        }
    }

    private void Remove(string key)
    {
        if (_entries.Remove(key, out var old))
        {
            _values -= (long)old.Matrix.RowCount * old.Matrix.Dimensions;
        }
    }

    private static void Append(StringBuilder key, string? part) =>
        key.Append(part is null ? "\u0000" : part.Replace("\u001e", "", StringComparison.Ordinal)).Append('\u001e');

    private sealed class Entry(VectorMatrix matrix, (long, long) version)
    {
        public VectorMatrix Matrix { get; } = matrix;

        public (long, long) Version { get; } = version;

        public long LastUsed { get; set; }
    }
}
