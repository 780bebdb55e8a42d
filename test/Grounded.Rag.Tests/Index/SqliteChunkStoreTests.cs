using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Index;

public sealed class SqliteChunkStoreTests : IDisposable
{
    private static readonly EmbeddingModelProfile Model = new("unit-vectors", 4, string.Empty, 512);
    private readonly TempDirectory _dir = new();

    private string StorePath => _dir.Combine("store");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task OpeningAMissingStoreCreatesAnEmptyOne()
    {
        await using (var store = await SqliteChunkStore.OpenAsync(StorePath, Model))
        {
            Assert.Equal(new StoreStatistics(0, 0, "unit-vectors", 4), await store.GetStatisticsAsync(CancellationToken.None));
            Assert.Empty(await store.ListDocumentsAsync(CancellationToken.None));
            Assert.Empty(await store.SearchAsync(new float[] { 1, 0, 0, 0 }, 3, CancellationToken.None));
        }

        Assert.True(File.Exists(Path.Combine(StorePath, SqliteChunkStore.FileName)));
    }

    [Fact]
    public async Task ItsVocabularyListsTheIndexedStemsWithAPrefixAndHowManyChunksHaveEach()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await WriteAsync(store, "doc1", "a.txt", "h1", ("Carrageenan sprays were given.", E(0)), ("The carrageenan group recovered; carbon.", E(1)));
        await WriteAsync(store, "doc2", "b.txt", "h2", ("Zanamivir was given.", E(2)));

        var terms = await store.TermsStartingWithAsync("car", 1, 20, CancellationToken.None);

        Assert.Equal([new VocabularyTerm("carbon", 1), new VocabularyTerm("carrageenan", 2)], terms.OrderBy(t => t.Term));
        Assert.Equal([new VocabularyTerm("carrageenan", 2)], await store.TermsStartingWithAsync("car", 10, 12, CancellationToken.None));
        Assert.Empty(await store.TermsStartingWithAsync("q", 1, 20, CancellationToken.None));
        Assert.Equal(2, (await store.GetTermStatisticsAsync(["carrageenan"], CancellationToken.None)).ChunkFrequency["carrageenan"]);
    }

    [Fact]
    public async Task ACommittedDocumentIsListedWithItsChunksInOrder()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);

        await WriteAsync(store, "doc1", "notes.txt", "hash-v1", ("alpha text", E(0)), ("beta text", E(1)));

        var document = Assert.Single(await store.ListDocumentsAsync(CancellationToken.None));
        Assert.Equal(("doc1", "notes.txt", "hash-v1", 2), (document.Id, document.Source, document.ContentHash, document.ChunkCount));
        Assert.Equal(["alpha text", "beta text"], (await store.GetChunksAsync("doc1", CancellationToken.None)).Select(c => c.Chunk.Text));
        Assert.Equal(new StoreStatistics(1, 2, "unit-vectors", 4), await store.GetStatisticsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AWriterDisposedWithoutCommitLeavesThePreviousVersionIntactAndSearchable()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await WriteAsync(store, "doc1", "notes.txt", "hash-v1", ("old first", E(0)), ("old second", E(1)));
        Assert.Equal("old first", (await store.SearchAsync(E(0), 1, CancellationToken.None))[0].Chunk.Chunk.Text); // loads the search matrix

        var writer = await store.BeginDocumentAsync(new DocumentInfo("doc1", "notes.txt", "hash-v2", 0, default), CancellationToken.None);
        await writer.AddAsync([Embedded(0, "new first", E(2)), Embedded(1, "new second", E(3))], CancellationToken.None);
        await writer.DisposeAsync();

        var document = await store.GetDocumentAsync("doc1", CancellationToken.None);
        Assert.Equal(("hash-v1", 2), (document!.ContentHash, document.ChunkCount));
        Assert.Equal(["old first", "old second"], (await store.GetChunksAsync("doc1", CancellationToken.None)).Select(c => c.Chunk.Text));
        Assert.Equal("old second", (await store.SearchAsync(E(1), 1, CancellationToken.None))[0].Chunk.Chunk.Text);
        Assert.DoesNotContain(await store.SearchAsync(E(2), 4, CancellationToken.None), hit => hit.Chunk.Chunk.Text.StartsWith("new", StringComparison.Ordinal));
        Assert.Empty(await store.GetCachedEmbeddingsAsync([Hashing.Sha256Hex("new first")], CancellationToken.None));
    }

    [Fact]
    public async Task AnotherReaderSeesTheOldVersionWhileAReplacementIsBeingWritten()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await WriteAsync(store, "doc1", "notes.txt", "hash-v1", ("old first", E(0)));
        await using var reader = await SqliteChunkStore.OpenAsync(StorePath, Model);

        var writer = await store.BeginDocumentAsync(new DocumentInfo("doc1", "notes.txt", "hash-v2", 0, default), CancellationToken.None);
        await using (writer)
        {
            await writer.AddAsync([Embedded(0, "new first", E(1))], CancellationToken.None);

            Assert.Equal("hash-v1", (await reader.GetDocumentAsync("doc1", CancellationToken.None))!.ContentHash);
            Assert.Equal(["old first"], (await reader.GetChunksAsync("doc1", CancellationToken.None)).Select(c => c.Chunk.Text));

            await writer.CommitAsync(CancellationToken.None);
        }

        Assert.Equal("hash-v2", (await reader.GetDocumentAsync("doc1", CancellationToken.None))!.ContentHash);
        Assert.Equal(["new first"], (await reader.GetChunksAsync("doc1", CancellationToken.None)).Select(c => c.Chunk.Text));
    }

    [Fact]
    public async Task CommittingAReplacementSwapsAllChunksAtOnce()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await WriteAsync(store, "doc1", "notes.txt", "hash-v1", ("old first", E(0)), ("old second", E(1)), ("old third", E(2)));
        _ = await store.SearchAsync(E(0), 1, CancellationToken.None);

        await WriteAsync(store, "doc1", "notes.txt", "hash-v2", ("new only", E(3)));

        Assert.Equal(["new only"], (await store.GetChunksAsync("doc1", CancellationToken.None)).Select(c => c.Chunk.Text));
        var hits = await store.SearchAsync(E(0), 10, CancellationToken.None);
        Assert.Equal(["new only"], hits.Select(h => h.Chunk.Chunk.Text));
        Assert.Equal(new StoreStatistics(1, 1, "unit-vectors", 4), await store.GetStatisticsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeletingADocumentRemovesItsChunksFromSearchAndReportsWhetherItExisted()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await WriteAsync(store, "keep", "keep.txt", "k", ("kept text", E(0)));
        await WriteAsync(store, "drop", "drop.txt", "d", ("dropped text", E(1)));
        _ = await store.SearchAsync(E(1), 1, CancellationToken.None);

        Assert.True(await store.DeleteDocumentAsync("drop", CancellationToken.None));
        Assert.False(await store.DeleteDocumentAsync("drop", CancellationToken.None));

        Assert.Null(await store.GetDocumentAsync("drop", CancellationToken.None));
        Assert.Empty(await store.GetChunksAsync("drop", CancellationToken.None));
        Assert.Equal(["kept text"], (await store.SearchAsync(E(1), 10, CancellationToken.None)).Select(h => h.Chunk.Chunk.Text));
        Assert.Empty(await store.GetCachedEmbeddingsAsync([Hashing.Sha256Hex("dropped text")], CancellationToken.None));
    }

    [Fact]
    public async Task ReturnsCachedEmbeddingsByContentHashOnlyForTextItHolds()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        var vector = Unit(0.5f, 0.5f, 0.5f, 0.5f);
        await WriteAsync(store, "doc1", "a.txt", "h", ("shared sentence", vector));

        var cached = await store.GetCachedEmbeddingsAsync([Hashing.Sha256Hex("shared sentence"), Hashing.Sha256Hex("never stored")], CancellationToken.None);

        var hit = Assert.Single(cached);
        Assert.Equal(Hashing.Sha256Hex("shared sentence"), hit.Key);
        Assert.Equal(vector, hit.Value);
    }

    [Fact]
    public async Task KeepsAnEmbeddingSharedByTwoDocumentsWhenOneIsDeleted()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await WriteAsync(store, "one", "one.txt", "h1", ("same words", E(2)));
        await WriteAsync(store, "two", "two.txt", "h2", ("same words", E(2)));

        await store.DeleteDocumentAsync("one", CancellationToken.None);

        Assert.Single(await store.GetCachedEmbeddingsAsync([Hashing.Sha256Hex("same words")], CancellationToken.None));
        Assert.Equal("two.txt", Assert.Single(await store.SearchAsync(E(2), 5, CancellationToken.None)).Chunk.Source);
    }

    [Fact]
    public async Task SearchReturnsTheMostSimilarChunksFirstWithCosineScores()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await WriteAsync(store, "doc1", "a.txt", "h",
            ("orthogonal", E(1)), ("exact", E(0)), ("diagonal", Unit(1, 1, 0, 0)), ("opposite", Unit(-1, 0, 0, 0)), ("mostly", Unit(3, 1, 0, 0)));

        var hits = await store.SearchAsync(E(0), 3, CancellationToken.None);

        Assert.Equal(["exact", "mostly", "diagonal"], hits.Select(h => h.Chunk.Chunk.Text));
        Assert.Equal(1.0, hits[0].Score, 4);
        Assert.Equal(3 / Math.Sqrt(10), hits[1].Score, 4);
        Assert.Equal(1 / Math.Sqrt(2), hits[2].Score, 4);
        Assert.All(hits, h => Assert.Equal(("doc1", "a.txt"), (h.Chunk.DocumentId, h.Chunk.Source)));
    }

    [Fact]
    public async Task SearchReturnsEveryChunkWhenTopKExceedsTheStore()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await WriteAsync(store, "doc1", "a.txt", "h", ("first", E(0)), ("second", E(1)));

        var hits = await store.SearchAsync(E(1), 50, CancellationToken.None);

        Assert.Equal(["second", "first"], hits.Select(h => h.Chunk.Chunk.Text));
    }

    [Fact]
    public async Task RefusesAnEmbeddingOfTheWrongLength()
    {
        await using var store = await SqliteChunkStore.OpenAsync(StorePath, Model);
        await using var writer = await store.BeginDocumentAsync(new DocumentInfo("doc1", "a.txt", "h", 0, default), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => writer.AddAsync([Embedded(0, "short", new float[] { 1, 0 })], CancellationToken.None));
    }

    [Fact]
    public async Task KeepsDocumentsAcrossReopening()
    {
        await using (var store = await SqliteChunkStore.OpenAsync(StorePath, Model))
        {
            await WriteAsync(store, "doc1", "a.txt", "h", ("persisted", E(3)));
        }

        await using var reopened = await SqliteChunkStore.OpenAsync(StorePath, Model);
        Assert.Equal("persisted", Assert.Single(await reopened.SearchAsync(E(3), 1, CancellationToken.None)).Chunk.Chunk.Text);
    }

    [Fact]
    public async Task OpeningWithAnotherEmbeddingModelThrowsAndSaysToReindex()
    {
        await using (var store = await SqliteChunkStore.OpenAsync(StorePath, Model))
        {
            await WriteAsync(store, "doc1", "a.txt", "h", ("some text", E(0)));
        }

        var other = new EmbeddingModelProfile("other-model", 64, string.Empty, 512);
        var error = await Assert.ThrowsAsync<StoreException>(() => SqliteChunkStore.OpenAsync(StorePath, other));

        Assert.Contains("grounded reindex", error.Message, StringComparison.Ordinal);
        Assert.Contains("unit-vectors", error.Message, StringComparison.Ordinal);
        Assert.Contains("other-model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReindexingWithTheNewModelMakesTheStoreUsableAgain()
    {
        await using (var store = await SqliteChunkStore.OpenAsync(StorePath, Model))
        {
            await WriteAsync(store, "doc1", "a.txt", "h", ("solar panels make power", E(0)), ("bread needs yeast", E(1)), ("solar panels make power", E(0)));
        }

        var embedder = new HashedBagOfWordsEmbeddingGenerator();
        await using (var store = await SqliteChunkStore.OpenAsync(StorePath, embedder.Profile, allowModelChange: true))
        {
            Assert.Equal(2, await store.ReindexAsync(embedder, null, CancellationToken.None)); // distinct texts
        }

        await using var reopened = await SqliteChunkStore.OpenAsync(StorePath, embedder.Profile);
        var query = HashedBagOfWordsEmbeddingGenerator.Embed("bread yeast", embedder.Profile.Dimensions);
        var hits = await reopened.SearchAsync(query, 3, CancellationToken.None);
        Assert.Equal("bread needs yeast", hits[0].Chunk.Chunk.Text);
        Assert.Equal(3, hits.Count);
        Assert.Equal(new StoreStatistics(1, 3, "fake-bag-of-words", 64), await reopened.GetStatisticsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OpeningAFileAsAStoreThrowsAndLeavesTheFileAlone()
    {
        var path = _dir.Write("not-a-folder", "precious notes");

        var error = await Assert.ThrowsAsync<StoreException>(() => SqliteChunkStore.OpenAsync(path, Model));

        Assert.Contains("not-a-folder", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious notes", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task OpeningAGarbageDatabaseThrowsAndDoesNotModifyIt()
    {
        var garbage = new byte[64 * 1024];
        new Random(3).NextBytes(garbage);
        var db = _dir.Write(Path.Combine("store", SqliteChunkStore.FileName), garbage);

        var error = await Assert.ThrowsAsync<StoreException>(() => SqliteChunkStore.OpenAsync(StorePath, Model));

        Assert.StartsWith("cannot open store", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(db));
        Assert.Equal([SqliteChunkStore.FileName], Directory.GetFiles(StorePath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task OpeningAStoreWithATextFileForDatabaseThrowsAndDoesNotModifyIt()
    {
        var db = _dir.Write(Path.Combine("store", SqliteChunkStore.FileName), "this is not SQLite at all, just some text that happens to be here\n");
        var before = await File.ReadAllBytesAsync(db);

        await Assert.ThrowsAsync<StoreException>(() => SqliteChunkStore.OpenAsync(StorePath, Model));

        Assert.Equal(before, await File.ReadAllBytesAsync(db));
    }

    private static float[] E(int axis)
    {
        var v = new float[4];
        v[axis] = 1;
        return v;
    }

    private static float[] Unit(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return values.Select(v => v / norm).ToArray();
    }

    private static EmbeddedChunk Embedded(int ordinal, string text, float[] vector) =>
        new(new Chunk(ordinal, text, ordinal * 100, (ordinal * 100) + text.Length, string.Empty, 3), vector);

    private static async Task WriteAsync(SqliteChunkStore store, string id, string source, string hash, params (string Text, float[] Vector)[] chunks)
    {
        await using var writer = await store.BeginDocumentAsync(new DocumentInfo(id, source, hash, 0, default), CancellationToken.None);
        await writer.AddAsync(chunks.Select((c, i) => Embedded(i, c.Text, c.Vector)).ToList(), CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
    }
}
