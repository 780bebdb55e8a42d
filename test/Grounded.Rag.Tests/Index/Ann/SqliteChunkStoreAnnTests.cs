using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Index.Ann;
using Grounded.Rag.Tests.Support;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Index.Ann;

public sealed class SqliteChunkStoreAnnTests : IDisposable
{
    private const int Dimensions = 16;
    private static readonly EmbeddingModelProfile Model = new("random-vectors", Dimensions, string.Empty, 512);
    private static readonly AnnOptions Always = new() { MinimumVectors = 0 };
    private readonly TempDirectory _dir = new();
    private readonly RandomVectors _random = new(Dimensions);

    private string StorePath => _dir.Combine("store");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SearchGivesTheExactScansResultsThroughTheIndex()
    {
        // One build thread and a wide search make the small graph deterministic and complete: a multi-threaded build of
        // random (unclustered) vectors once missed a true top-1 in CI. Recall at scale is the benchmark's job.
        await using var store = await OpenAsync(Always with { BuildThreads = 1, ExpansionSearch = 256 });
        await WriteDocumentsAsync(store, "doc", 40, chunksEach: 5);
        await using var exact = await OpenAsync(Always with { Enabled = false });

        for (var q = 0; q < 20; q++)
        {
            var query = _random.Next();
            var viaIndex = await store.SearchAsync(query, 5, CancellationToken.None);
            Assert.True(store.LastSearchUsedAnn);
            Assert.Equal(Ids(await exact.SearchAsync(query, 5, CancellationToken.None)), Ids(viaIndex));
            Assert.False(exact.LastSearchUsedAnn);
        }
    }

    [Fact]
    public async Task BelowTheThresholdSearchStaysExactAndWritesNoIndexFile()
    {
        await using var store = await OpenAsync(new AnnOptions { MinimumVectors = 1_000 });
        await WriteDocumentsAsync(store, "doc", 10, chunksEach: 3);

        Assert.Equal(0, await store.SyncAnnIndexAsync(rebuild: false, CancellationToken.None));
        Assert.NotEmpty(await store.SearchAsync(_random.Next(), 3, CancellationToken.None));
        Assert.False(store.LastSearchUsedAnn);
        Assert.Empty(IndexFiles());
    }

    [Fact]
    public async Task DeletedAndReplacedDocumentsLeaveTheIndexAtOnce()
    {
        await using var store = await OpenAsync(Always);
        await WriteDocumentsAsync(store, "doc", 20, chunksEach: 3);
        var deleted = _random.Next();
        var replaced = _random.Next();
        await WriteAsync(store, "gone", ("deleted text", deleted));
        await WriteAsync(store, "changing", ("old text", replaced));
        Assert.Equal("deleted text", Top(await store.SearchAsync(deleted, 1, CancellationToken.None)));
        Assert.Equal("old text", Top(await store.SearchAsync(replaced, 1, CancellationToken.None)));

        await store.DeleteDocumentAsync("gone", CancellationToken.None);
        var fresh = _random.Next();
        await WriteAsync(store, "changing", ("new text", fresh));

        Assert.DoesNotContain("deleted text", Texts(await store.SearchAsync(deleted, 100, CancellationToken.None)));
        Assert.DoesNotContain("old text", Texts(await store.SearchAsync(replaced, 100, CancellationToken.None)));
        Assert.Equal("new text", Top(await store.SearchAsync(fresh, 1, CancellationToken.None)));
        Assert.True(store.LastSearchUsedAnn);
    }

    [Fact]
    public async Task AStaleIndexFileIsCaughtUpFromTheLogWhenTheStoreIsOpened()
    {
        await using (var first = await OpenAsync(Always))
        {
            await WriteDocumentsAsync(first, "early", 10, chunksEach: 2);
            await first.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
        }

        var staleFile = Assert.Single(IndexFiles());
        var late = _random.Next();
        await using (var writerWithoutIndex = await OpenAsync(Always with { Enabled = false }))
        {
            await WriteAsync(writerWithoutIndex, "late", ("written after the index was saved", late));
            await writerWithoutIndex.DeleteDocumentAsync("early-3", CancellationToken.None);
        }

        await using var reopened = await OpenAsync(Always);
        var hits = await reopened.SearchAsync(late, 50, CancellationToken.None);

        Assert.True(reopened.LastSearchUsedAnn);
        Assert.Equal("written after the index was saved", Top(hits));
        Assert.DoesNotContain(hits, h => h.Chunk.DocumentId == "early-3");
        Assert.Equal(staleFile, Assert.Single(IndexFiles())); // a small catch-up is replayed, not saved
        await reopened.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
        Assert.NotEqual(staleFile, Assert.Single(IndexFiles()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AMissingOrDamagedIndexFileIsRebuiltFromTheRows(bool damaged)
    {
        var probe = _random.Next();
        await using (var first = await OpenAsync(Always))
        {
            await WriteDocumentsAsync(first, "doc", 15, chunksEach: 2);
            await WriteAsync(first, "probe", ("the probe chunk", probe));
            await first.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
        }

        var file = Assert.Single(IndexFiles());
        if (damaged)
        {
            await File.WriteAllTextAsync(file, "truncated by a crash");
        }
        else
        {
            File.Delete(file);
        }

        await using var reopened = await OpenAsync(Always);
        Assert.Equal("the probe chunk", Top(await reopened.SearchAsync(probe, 1, CancellationToken.None)));
        Assert.True(reopened.LastSearchUsedAnn);
        Assert.Equal((15 * (1 + 2)) + 1, await reopened.SyncAnnIndexAsync(rebuild: false, CancellationToken.None));
    }

    [Fact]
    public async Task ReindexingMakesTheOldIndexObsolete()
    {
        await using var store = await OpenAsync(Always);
        await WriteDocumentsAsync(store, "doc", 5, chunksEach: 2);
        await store.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
        var before = Assert.Single(IndexFiles());

        await store.ReindexAsync(new Fakes.HashedBagOfWordsEmbeddingGenerator(Model), null, CancellationToken.None);
        Assert.Equal(10, await store.SyncAnnIndexAsync(rebuild: false, CancellationToken.None));

        Assert.NotEqual(Path.GetFileName(before)[..6], Path.GetFileName(Assert.Single(IndexFiles()))[..6]);
    }

    private static List<string> Ids(IReadOnlyList<ScoredChunk> hits) => hits.Select(h => h.Chunk.Id).ToList();

    private static string Top(IReadOnlyList<ScoredChunk> hits) => hits[0].Chunk.Chunk.Text;

    private static List<string> Texts(IReadOnlyList<ScoredChunk> hits) => hits.Select(h => h.Chunk.Chunk.Text).ToList();

    private string[] IndexFiles() => Directory.Exists(StorePath) ? Directory.GetFiles(StorePath, "ann-*.usearch") : [];

    private Task<SqliteChunkStore> OpenAsync(AnnOptions ann) => SqliteChunkStore.OpenAsync(StorePath, Model, ann: ann);

    private async Task WriteDocumentsAsync(SqliteChunkStore store, string prefix, int count, int chunksEach)
    {
        for (var d = 0; d < count; d++)
        {
            await WriteAsync(store, $"{prefix}-{d}", Enumerable.Range(0, chunksEach).Select(c => ($"{prefix} {d} chunk {c}", _random.Windows(1 + (c % 3)))).ToArray());
        }
    }

    private static async Task WriteAsync(SqliteChunkStore store, string id, params (string Text, float[] Vectors)[] chunks)
    {
        await using var writer = await store.BeginDocumentAsync(new DocumentInfo(id, id + ".txt", Hashing.Sha256Hex(string.Join('|', chunks.Select(c => c.Text))), 0, default), CancellationToken.None);
        await writer.AddAsync(chunks.Select((c, i) => new EmbeddedChunk(new Chunk(i, c.Text, 0, c.Text.Length, string.Empty, 3), c.Vectors)).ToList(), CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
    }
}
