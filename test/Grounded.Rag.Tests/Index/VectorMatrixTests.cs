using Grounded.Rag.Index;

namespace Grounded.Rag.Tests.Index;

public sealed class VectorMatrixTests
{
    [Fact]
    public void AChunkScoresAsItsBestWindow()
    {
        // Chunk 10 has two windows (x, y); chunk 20 one window halfway between x and y.
        float h = MathF.Sqrt(0.5f);
        var matrix = new VectorMatrix(2, [10, 20], [0, 2, 3], [1, 0, 0, 1, h, h]);

        var hits = matrix.Search([0, 1], 2);

        Assert.Equal([(10L, 1f), (20L, h)], hits);
    }

    [Fact]
    public void TopKKeepsOnlyTheBestChunksBestFirst()
    {
        var matrix = new VectorMatrix(2, [1, 2, 3], [0, 1, 2, 3], [1, 0, 0.6f, 0.8f, 0, 1]);

        Assert.Equal([3L, 2L], matrix.Search([0, 1], 2).Select(h => h.RowId));
    }
}
