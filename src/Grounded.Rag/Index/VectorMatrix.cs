using System.Numerics.Tensors;

namespace Grounded.Rag.Index;

/// <summary>All vectors of a store in one contiguous row-major matrix, searched exactly with SIMD dot products (vectors are unit length, so dot = cosine).</summary>
internal sealed class VectorMatrix
{
    private readonly float[] _values;
    private readonly long[] _rowIds;

    public VectorMatrix(int dimensions, List<long> rowIds, float[] values)
    {
        Dimensions = dimensions;
        _rowIds = rowIds.ToArray();
        _values = values;
    }

    public int Dimensions { get; }

    public int Count => _rowIds.Length;

    /// <summary>Returns the row ids and scores of the <paramref name="topK"/> rows most similar to the query, best first.</summary>
    public List<(long RowId, float Score)> Search(ReadOnlySpan<float> query, int topK)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the store holds {Dimensions}.", nameof(query));
        }

        var heap = new PriorityQueue<int, float>(topK + 1);
        var values = _values.AsSpan();
        for (var row = 0; row < _rowIds.Length; row++)
        {
            var score = TensorPrimitives.Dot(values.Slice(row * Dimensions, Dimensions), query);
            if (heap.Count < topK)
            {
                heap.Enqueue(row, score);
            }
            else if (heap.TryPeek(out _, out var worst) && score > worst)
            {
                heap.DequeueEnqueue(row, score);
            }
        }

        var result = new List<(long, float)>(heap.Count);
        while (heap.TryDequeue(out var row, out var score))
        {
            result.Add((_rowIds[row], score));
        }

        result.Reverse();
        return result;
    }
}
