using System.Numerics.Tensors;

namespace Grounded.Rag.Index;

/// <summary>
/// All vectors of a store in one contiguous row-major matrix, searched exactly with SIMD dot products (vectors are
/// unit length, so dot = cosine). A chunk may own several consecutive rows (one per window of its text); its score is
/// the best of its rows.
/// </summary>
internal sealed class VectorMatrix
{
    private readonly float[] _values;
    private readonly long[] _chunkIds;
    private readonly int[] _firstRow;

    /// <param name="dimensions">The vector length.</param>
    /// <param name="chunkIds">The id of each chunk, in row order.</param>
    /// <param name="firstRow">The first row of each chunk, plus one past the last row at the end.</param>
    /// <param name="values">The rows, row-major.</param>
    public VectorMatrix(int dimensions, List<long> chunkIds, List<int> firstRow, float[] values)
    {
        Dimensions = dimensions;
        _chunkIds = chunkIds.ToArray();
        _firstRow = firstRow.ToArray();
        _values = values;
    }

    public int Dimensions { get; }

    public int Count => _chunkIds.Length;

    /// <summary>Gets the number of rows (windows) the matrix holds.</summary>
    public int RowCount => _firstRow[^1];

    /// <summary>Returns the best inner product of <paramref name="query"/> with any row of <paramref name="rows"/>.</summary>
    public static float BestScore(ReadOnlySpan<float> rows, ReadOnlySpan<float> query)
    {
        var best = float.NegativeInfinity;
        for (var start = 0; start + query.Length <= rows.Length; start += query.Length)
        {
            best = Math.Max(best, TensorPrimitives.Dot(rows.Slice(start, query.Length), query));
        }

        return best;
    }

    /// <summary>Returns the ids and scores of the <paramref name="topK"/> chunks most similar to the query, best first; only chunks <paramref name="accept"/> accepts, when given.</summary>
    public List<(long RowId, float Score)> Search(ReadOnlySpan<float> query, int topK, Func<long, bool>? accept = null)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the store holds {Dimensions}.", nameof(query));
        }

        var heap = new PriorityQueue<int, float>(topK + 1);
        var values = _values.AsSpan();
        for (var chunk = 0; chunk < _chunkIds.Length; chunk++)
        {
            if (accept is not null && !accept(_chunkIds[chunk]))
            {
                continue;
            }

            var score = float.NegativeInfinity;
            for (var row = _firstRow[chunk]; row < _firstRow[chunk + 1]; row++)
            {
                score = Math.Max(score, TensorPrimitives.Dot(values.Slice(row * Dimensions, Dimensions), query));
            }

            if (heap.Count < topK)
            {
                heap.Enqueue(chunk, score);
            }
            else if (heap.TryPeek(out _, out var worst) && score > worst)
            {
                heap.DequeueEnqueue(chunk, score);
            }
        }

        var result = new List<(long, float)>(heap.Count);
        while (heap.TryDequeue(out var chunk, out var score))
        {
            result.Add((_chunkIds[chunk], score));
        }

        result.Reverse();
        return result;
    }
}
