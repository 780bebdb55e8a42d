using Grounded.Rag.Index;
using Grounded.Rag.Index.Ann;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Index.Ann;

public sealed class HnswIndexTests : IDisposable
{
    private const int Dimensions = 32;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(AnnQuantization.F32)]
    [InlineData(AnnQuantization.F16)]
    [InlineData(AnnQuantization.I8)]
    public void FindsNearlyTheSameTopTenAsTheExactScanWhenChunksHaveSeveralWindows(AnnQuantization quantization)
    {
        var random = new RandomVectors(Dimensions);
        var chunks = Enumerable.Range(0, 2_000).Select(i => random.Windows(1 + (i % 3))).ToList();
        using var index = HnswIndex.Create(Dimensions, new AnnOptions { Quantization = quantization });
        index.AddMany(chunks.Select((v, i) => ((ulong)i, v)).ToList(), threads: 2, CancellationToken.None);
        var exact = Matrix(chunks);

        var hits = 0;
        for (var q = 0; q < 50; q++)
        {
            var query = random.Next();
            var truth = exact.Search(query, 10).Select(h => h.RowId).ToHashSet();
            hits += Top(index, chunks, query, 10).Count(truth.Contains);
        }

        Assert.True(hits >= 0.95 * 500, $"recall@10 {hits / 500.0:0.000} with {quantization}");
    }

    [Fact]
    public void RemovingAKeyRemovesAllOfItsWindows()
    {
        var random = new RandomVectors(Dimensions);
        using var index = HnswIndex.Create(Dimensions, new AnnOptions());
        var target = random.Windows(3);
        index.AddMany([(1UL, target), (2UL, random.Windows(2))], threads: 1, CancellationToken.None);

        Assert.Equal(3, index.Remove(1));

        var keys = new ulong[10];
        var found = index.Search(target.AsSpan(0, Dimensions), keys, new float[10]);
        Assert.Equal([2UL, 2UL], keys[..found]);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void ASavedIndexLoadsWithTheSameAnswers()
    {
        var random = new RandomVectors(Dimensions);
        var path = _dir.Combine("index.usearch");
        var query = random.Next();
        ulong[] before = new ulong[5];
        using (var index = HnswIndex.Create(Dimensions, new AnnOptions()))
        {
            index.AddMany(Enumerable.Range(0, 300).Select(i => ((ulong)i, random.Next())).ToList(), threads: 2, CancellationToken.None);
            index.Search(query, before, new float[5]);
            index.Save(path);
        }

        using var loaded = HnswIndex.Load(path, Dimensions, new AnnOptions());
        var after = new ulong[5];
        loaded.Search(query, after, new float[5]);
        Assert.Equal(before, after);
        Assert.Equal(300, loaded.Count);
    }

    [Fact]
    public void LoadingAFileThatIsNotAnIndexFailsAsInvalidData()
    {
        var path = _dir.Write("index.usearch", "not an index at all");

        Assert.Throws<InvalidDataException>(() => HnswIndex.Load(path, Dimensions, new AnnOptions()));
    }

    private static VectorMatrix Matrix(List<float[]> chunks)
    {
        var firstRow = new List<int> { 0 };
        foreach (var chunk in chunks)
        {
            firstRow.Add(firstRow[^1] + (chunk.Length / Dimensions));
        }

        return new VectorMatrix(Dimensions, Enumerable.Range(0, chunks.Count).Select(i => (long)i).ToList(), firstRow, chunks.SelectMany(c => c).ToArray());
    }

    /// <summary>The store's way: over-fetch windows, keep each chunk once, rescore exactly by its best window.</summary>
    private static List<long> Top(HnswIndex index, List<float[]> chunks, float[] query, int k)
    {
        var keys = new ulong[40];
        var found = index.Search(query, keys, new float[40]);
        return keys[..found].Distinct().Select(key => (Id: (long)key, Score: VectorMatrix.BestScore(chunks[(int)key], query)))
            .OrderByDescending(c => c.Score).Take(k).Select(c => c.Id).ToList();
    }
}
