using Grounded.Rag.Index;
using Grounded.Rag.Retrieve;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Retrieve;

public sealed class RetrieversTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();
    private SqliteChunkStore _store = null!;

    public async Task InitializeAsync() => _store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), _embedder.Profile);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _embedder.Dispose();
        _dir.Dispose();
    }

    [Theory]
    [InlineData(RetrievalMode.Dense, FusionMethod.Rrf, typeof(DenseRetriever))]
    [InlineData(RetrievalMode.Keyword, FusionMethod.Rrf, typeof(KeywordRetriever))]
    [InlineData(RetrievalMode.Hybrid, FusionMethod.Rrf, typeof(HybridRetriever))]
    [InlineData(RetrievalMode.Hybrid, FusionMethod.Weighted, typeof(WeightedScoreRetriever))]
    public void TheModeAndFusionChooseTheRetriever(RetrievalMode mode, FusionMethod fusion, Type expected)
    {
        var retriever = Retrievers.Create(_store, _embedder, new RetrievalOptions { Mode = mode, Fusion = fusion });

        Assert.IsType(expected, retriever);
    }

    [Fact]
    public void BadOptionsAreRejectedWithEveryProblemListed()
    {
        var error = Assert.Throws<ArgumentException>(() => Retrievers.Create(_store, _embedder, new RetrievalOptions { RrfK = -1, KeywordWeight = double.NaN }));

        Assert.Contains("--rrf-k", error.Message, StringComparison.Ordinal);
        Assert.Contains("--keyword-weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultIsHybrid() => Assert.Equal(RetrievalMode.Hybrid, new RetrievalOptions().Mode);
}
