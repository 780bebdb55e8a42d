using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Retrieve;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Retrieve;

public sealed class HybridRetrieverTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();
    private SqliteChunkStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), _embedder.Profile);
        await AddAsync("a", "ferrets.txt", "Ferrets were infected with the H5N1 strain in the laboratory.", "Weight loss was recorded daily.");
        await AddAsync("b", "masks.txt", "Surgical masks reduce droplet transmission in hospital wards.", "Compliance varied between wards.");
        await AddAsync("c", "tests.txt", "The ELISA array detects five encephalitis viruses at once.", "Sensitivity exceeded ninety percent.");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _embedder.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task KeywordSearchRanksTheChunkWithTheRareTermsFirst()
    {
        var hits = await _store.KeywordSearchAsync("Which viruses does the ELISA array detect?", 3, CancellationToken.None);

        Assert.Equal("tests.txt", hits[0].Chunk.Source);
        Assert.True(hits[0].Score > 0);
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(ferrets masks)")]
    [InlineData("*")]
    [InlineData("🙂")]
    [InlineData("(((")]
    public async Task AdversarialQueryTextNeitherThrowsNorChangesMeaning(string text)
    {
        var hits = await _store.KeywordSearchAsync(text, 3, CancellationToken.None);

        Assert.All(hits, h => Assert.Contains(h.Chunk.Chunk.Text.Split(' ', '.'), w => text.Contains(w, StringComparison.OrdinalIgnoreCase) && w.Length > 1));
    }

    [Fact]
    public async Task AChunkBothLegsFindBeatsChunksOnlyOneLegFinds()
    {
        var retriever = new HybridRetriever(_store, _embedder);

        var hits = await retriever.RetrieveAsync("masks droplet transmission wards", 3, CancellationToken.None);

        Assert.Equal("masks.txt", hits[0].Chunk.Source);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task TheKeywordLegOutweighsTheDenseLegByItsWeight()
    {
        var dense = new FixedRetriever(Hit("d1"), Hit("both"));
        var keyword = new FixedRetriever(Hit("k1"), Hit("both"));

        var equal = await new HybridRetriever(dense, keyword, rrfK: 10, keywordWeight: 1).RetrieveAsync("q", 3, CancellationToken.None);
        var weighted = await new HybridRetriever(dense, keyword, rrfK: 10, keywordWeight: 3).RetrieveAsync("q", 3, CancellationToken.None);

        Assert.Equal("both", equal[0].Chunk.Id);                                   // 1/12 + 1/12 beats 1/11
        Assert.Equal(equal[1].Score, equal[2].Score, 9);                           // d1 and k1 tie at 1/11
        Assert.Equal(["both", "k1", "d1"], weighted.Select(h => h.Chunk.Id));    // 1/12 + 3/12 > 3/11 > 1/11
        Assert.Equal(4.0 / 12, weighted[0].Score, 9);
    }

    [Fact]
    public async Task DeletedDocumentsLeaveTheKeywordIndex()
    {
        await _store.DeleteDocumentAsync("c", CancellationToken.None);

        Assert.Empty(await _store.KeywordSearchAsync("ELISA encephalitis", 3, CancellationToken.None));
    }

    [Fact]
    public async Task AReplacedDocumentIsFoundByItsNewWordsOnly()
    {
        await AddAsync("a", "ferrets.txt", "Hamsters were used instead.");

        Assert.Empty(await _store.KeywordSearchAsync("ferrets H5N1", 3, CancellationToken.None));
        Assert.Equal("ferrets.txt", Assert.Single(await _store.KeywordSearchAsync("hamsters", 3, CancellationToken.None)).Chunk.Source);
    }

    [Fact]
    public async Task TermStatisticsCountTheChunksHoldingEachTermStemmedLikeTheIndex()
    {
        var stats = await _store.GetTermStatisticsAsync(["ward", "ferrets", "h5n1", "absent", "sars-cov-2"], CancellationToken.None);

        Assert.Equal(6, stats.Chunks);
        Assert.Equal(2, stats.ChunkFrequency["ward"]); // "wards" in two chunks
        Assert.Equal(1, stats.ChunkFrequency["h5n1"]);
        Assert.Equal(0, stats.ChunkFrequency["absent"]);
        Assert.Equal(0, stats.ChunkFrequency["sars-cov-2"]);
        Assert.True(stats.InverseFrequency("absent") > stats.InverseFrequency("ward"));
    }

    private static ScoredChunk Hit(string id) => new(new StoredChunk(id, "doc-" + id, id + ".txt", new Chunk(0, id, 0, id.Length, string.Empty, 1)), 1);

    private sealed class FixedRetriever(params ScoredChunk[] hits) : Grounded.Stages.IRetriever
    {
        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ScoredChunk>>(hits.Take(topK).ToList());
    }

    private async Task AddAsync(string id, string source, params string[] texts)
    {
        var writer = await _store.BeginDocumentAsync(new DocumentInfo(id, source, Hashing.Sha256Hex(string.Concat(texts)), 0, default), CancellationToken.None);
        await using (writer)
        {
            var chunks = texts.Select((t, i) => new Chunk(i, t, 0, t.Length, string.Empty, 10)).ToList();
            var vectors = await _embedder.GenerateAsync(chunks.Select(c => c.EmbeddingText));
            await writer.AddAsync(chunks.Select((c, i) => new EmbeddedChunk(c, vectors[i].Vector)).ToList(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }
    }
}
