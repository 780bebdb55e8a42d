using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Index.Ann;
using Grounded.Rag.Tests.Support;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Index.Ann;

/// <summary>The embedded store's filtered dense search with an HNSW index: each strategy returns the exact scan's top-k of the documents the filter lets through.</summary>
public sealed class SqliteFilteredSearchTests : IDisposable
{
    private const int Dimensions = 16;
    private static readonly EmbeddingModelProfile Model = new("random-vectors", Dimensions, string.Empty, 512);
    private static readonly AnnOptions Indexed = new() { MinimumVectors = 0, BuildThreads = 1, ExpansionSearch = 256 };
    private static readonly SearchFilter Small = new() { Tenant = "small" };
    private static readonly SearchFilter Big = new() { Tenant = "big" };
    private readonly TempDirectory _dir = new();
    private readonly RandomVectors _random = new(Dimensions, seed: 11);

    private string StorePath => _dir.Combine("store");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("small", 0.1, "subset")]
    [InlineData("small", 0.0, "hnsw-filtered")]
    [InlineData("big", 0.1, "hnsw-filtered")]
    public async Task EachStrategyReturnsTheExactTopKOfTheTenant(string tenant, double exactShare, string strategy)
    {
        await WriteCorpusAsync();
        await using var store = await OpenAsync(Indexed with { FilteredExactShare = exactShare });
        await using var exact = await OpenAsync(Indexed with { Enabled = false });
        var filter = new SearchFilter { Tenant = tenant };

        for (var q = 0; q < 15; q++)
        {
            var query = _random.Next();
            var hits = await store.SearchAsync(query, 5, filter, CancellationToken.None);
            Assert.Equal(strategy, store.LastFilteredStrategy);
            Assert.Equal(Ids(await exact.SearchAsync(query, 5, filter, CancellationToken.None)), Ids(hits));
            Assert.All(hits, h => Assert.StartsWith(tenant, h.Chunk.DocumentId, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AFilterEveryDocumentPassesSearchesAsIfUnfilteredAndOneNoneDoesFindsNothing()
    {
        await WriteCorpusAsync(smallDocuments: 0);
        await using var store = await OpenAsync(Indexed);

        Assert.Equal(5, (await store.SearchAsync(_random.Next(), 5, Big, CancellationToken.None)).Count);
        Assert.Equal("unfiltered", store.LastFilteredStrategy);
        Assert.Empty(await store.SearchAsync(_random.Next(), 5, Small, CancellationToken.None));
    }

    [Fact]
    public async Task TheSubsetScanSeesChunksWrittenAfterItsVectorsWereReadFromThisHandleOrAnother()
    {
        await WriteCorpusAsync();
        await using var store = await OpenAsync(Indexed);
        await store.SearchAsync(_random.Next(), 5, Small, CancellationToken.None);

        var mine = _random.Next();
        await WriteAsync(store, "small-new", "small", ("written here", mine));
        Assert.Equal("written here", (await store.SearchAsync(mine, 1, Small, CancellationToken.None))[0].Chunk.Chunk.Text);

        var theirs = _random.Next();
        await using (var other = await OpenAsync(Indexed))
        {
            await WriteAsync(other, "small-other", "small", ("written elsewhere", theirs));
        }

        Assert.Equal("written elsewhere", (await store.SearchAsync(theirs, 1, Small, CancellationToken.None))[0].Chunk.Chunk.Text);
        Assert.Equal("subset", store.LastFilteredStrategy);
    }

    private async Task WriteCorpusAsync(int smallDocuments = 2)
    {
        await using var store = await OpenAsync(Indexed);
        for (var d = 0; d < 40; d++)
        {
            await WriteAsync(store, $"big-{d}", "big", [.. Enumerable.Range(0, 5).Select(c => ($"big {d} chunk {c}", _random.Next()))]);
        }

        for (var d = 0; d < smallDocuments; d++)
        {
            await WriteAsync(store, $"small-{d}", "small", [.. Enumerable.Range(0, 5).Select(c => ($"small {d} chunk {c}", _random.Next()))]);
        }

        await store.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
    }

    private static List<string> Ids(IReadOnlyList<ScoredChunk> hits) => hits.Select(h => h.Chunk.Id).ToList();

    private Task<SqliteChunkStore> OpenAsync(AnnOptions ann) => SqliteChunkStore.OpenAsync(StorePath, Model, ann: ann);

    private static async Task WriteAsync(SqliteChunkStore store, string id, string tenant, params (string Text, float[] Vector)[] chunks)
    {
        var document = new DocumentInfo(id, id + ".txt", Hashing.Sha256Hex(string.Join('|', chunks.Select(c => c.Text))), 0, default) { Tenant = tenant };
        await using var writer = await store.BeginDocumentAsync(document, CancellationToken.None);
        await writer.AddAsync(chunks.Select((c, i) => new EmbeddedChunk(new Chunk(i, c.Text, 0, c.Text.Length, string.Empty, 3), c.Vector)).ToList(), CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
    }
}
