using Grounded.Rag.Chunking;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
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

        Assert.Contains("the RRF k must be between 0 and 10000 (got -1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the keyword weight must be between 0 and 100 (got NaN)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RetrievalMode.Hybrid, FusionMethod.Weighted)]
    [InlineData(RetrievalMode.Hybrid, FusionMethod.Rrf)]
    [InlineData(RetrievalMode.Dense, FusionMethod.Weighted)]
    [InlineData(RetrievalMode.Keyword, FusionMethod.Weighted)]
    public async Task AdversarialQueryTextNeverThrowsInAnyMode(RetrievalMode mode, FusionMethod fusion)
    {
        var pipeline = new IngestionPipeline(_store, _embedder, new TokenWindowChunker(new ChunkingOptions()));
        await pipeline.IngestDocumentAsync("masks", "masks", "h1", Blocks("Surgical masks reduce droplet transmission in hospital wards."));
        var retriever = Retrievers.Create(_store, _embedder, new RetrievalOptions { Mode = mode, Fusion = fusion });

        foreach (var text in new[] { "\"unbalanced", "NEAR(masks wards)", "*", "🙂", "(((", "masks AND OR NOT", "col:masks" })
        {
            var hits = await retriever.RetrieveAsync(text, 5, CancellationToken.None);

            Assert.True(hits.Count <= 1, text);
            if (text.Contains("masks", StringComparison.Ordinal))
            {
                Assert.Equal("masks", Assert.Single(hits).Chunk.DocumentId); // operators are words, not syntax
            }
        }
    }

    [Fact]
    public void TheDefaultIsHybrid() => Assert.Equal(RetrievalMode.Hybrid, new RetrievalOptions().Mode);

    private static async IAsyncEnumerable<Grounded.Documents.TextBlock> Blocks(string text)
    {
        await Task.CompletedTask;
        yield return new Grounded.Documents.TextBlock(text, [], 0);
    }
}
