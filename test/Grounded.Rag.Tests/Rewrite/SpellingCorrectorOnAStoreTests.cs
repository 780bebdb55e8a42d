using Grounded.Documents;
using Grounded.Rag.Chunking;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Rewrite;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Rewrite;

/// <summary>Spelling correction against a real SQLite index, whose keyword index holds Porter stems.</summary>
public sealed class SpellingCorrectorOnAStoreTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();
    private SqliteChunkStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), _embedder.Profile);
        var pipeline = new IngestionPipeline(_store, _embedder, new TokenWindowChunker(new ChunkingOptions()));
        await pipeline.IngestDocumentAsync("a", "a.txt", "h-a", Text("Filamentous bacteriophages infect bacteria. One bacteriophage library displays peptides."));
        await pipeline.IngestDocumentAsync("b", "b.txt", "h-b", Text("A bacteriophage genome is small. Resin beads bind the phages."));
        await pipeline.IngestDocumentAsync("c", "c.txt", "h-c", Text("Resin columns purify the protein. Respiratory infections increase in winter."));
        await pipeline.IngestDocumentAsync("d", "d.txt", "h-d", Text("Cases increased during the respiratory season."));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _embedder.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task AStemmedTermIsWrittenAsTheWordTheChunksSpellItWith()
    {
        var corrected = await new SpellingCorrector(_store, _store).RewriteAsync("What has bacteriphage display enabled?", CancellationToken.None);

        Assert.Equal("What has bacteriophage display enabled?", corrected);
    }

    [Theory]
    [InlineData("Do respiratroy infections increasse?", "Do respiratory infections increase?")] // stems "respiratori", "increas"
    public async Task AStemTheIndexWouldStemAgainOrWhoseLastLetterChangedIsStillWrittenAsAWord(string question, string expected) =>
        Assert.Equal(expected, await new SpellingCorrector(_store, _store).RewriteAsync(question, CancellationToken.None));

    [Fact]
    public async Task ARealWordTheIndexLacksIsNotMadeIntoTheNearestIndexedOne()
    {
        var corrected = await new SpellingCorrector(_store, _store).RewriteAsync("When did the director resign?", CancellationToken.None);

        Assert.Equal("When did the director resign?", corrected);
    }

    private static IAsyncEnumerable<TextBlock> Text(string text) => Blocks.Stream([new TextBlock(text, [], 0)]);
}
