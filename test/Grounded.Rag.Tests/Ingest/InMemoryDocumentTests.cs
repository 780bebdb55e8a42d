using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Chunking;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class InMemoryDocumentTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();
    private SqliteChunkStore _store = null!;
    private IngestionPipeline _pipeline = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), _embedder.Profile);
        _pipeline = new IngestionPipeline(_store, _embedder, new TokenWindowChunker(new ChunkingOptions()));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _embedder.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task ADocumentGivenAsBlocksIsSearchableUnderItsOwnIdWithItsHeadingAsContext()
    {
        var written = await _pipeline.IngestDocumentAsync("31715818", "31715818", "hash-1", Blocks("Ferret models", "Ferrets were infected with H5N1."));

        var hit = Assert.Single(await _store.KeywordSearchAsync("ferrets H5N1", 5, CancellationToken.None));
        Assert.Equal(1, written);
        Assert.Equal("31715818", hit.Chunk.DocumentId);
        Assert.Equal("Ferret models", hit.Chunk.Chunk.Context);
    }

    [Fact]
    public async Task TheSameContentIsSkippedAndChangedContentReplaced()
    {
        await _pipeline.IngestDocumentAsync("d", "d", "hash-1", Blocks("T", "Hamsters were used."));
        var again = await _pipeline.IngestDocumentAsync("d", "d", "hash-1", Blocks("T", "Hamsters were used."));
        var changed = await _pipeline.IngestDocumentAsync("d", "d", "hash-2", Blocks("T", "Mice were used."));

        Assert.Equal(0, again);
        Assert.Equal(1, changed);
        Assert.Empty(await _store.KeywordSearchAsync("hamsters", 5, CancellationToken.None));
        Assert.Equal(1, (await _store.GetStatisticsAsync(CancellationToken.None)).Documents);
    }

    [Fact]
    public async Task ConcurrentSearchesShareTheStoreSafely()
    {
        for (var i = 0; i < 20; i++)
        {
            await _pipeline.IngestDocumentAsync($"d{i}", $"d{i}", $"h{i}", Blocks($"Title {i}", $"Document {i} mentions ferrets and masks {i}."));
        }

        var vector = (await _embedder.GenerateAsync(["ferrets masks"]))[0].Vector;
        var searches = Enumerable.Range(0, 40).Select(i => i % 2 == 0
            ? Task.Run(() => _store.KeywordSearchAsync("ferrets masks", 10, CancellationToken.None))
            : Task.Run(() => _store.SearchAsync(vector, 10, CancellationToken.None)));

        var results = await Task.WhenAll(searches);

        Assert.All(results, r => Assert.Equal(10, r.Count));
    }

    private static async IAsyncEnumerable<TextBlock> Blocks(string title, string text)
    {
        await Task.CompletedTask;
        yield return new TextBlock(text, [title], 0);
    }
}
