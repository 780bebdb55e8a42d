using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Retrieve;
using Grounded.Storage;

namespace Grounded.Conformance;

/// <summary>
/// What every <see cref="IChunkStore"/> must do, whatever it is built on. A store's test class inherits this and says how to
/// open (and reopen) one store; every test here then runs against it.
/// </summary>
public abstract partial class ChunkStoreConformance
{
    /// <summary>The model the suite writes with: 4-dimension unit vectors.</summary>
    protected static readonly EmbeddingModelProfile Model = new("conformance-unit-vectors", 4, string.Empty, 512);

    private static CancellationToken None => CancellationToken.None;

    /// <summary>Opens the store under test; called again, opens the same store (as another process would).</summary>
    protected abstract Task<IChunkStore> OpenAsync(EmbeddingModelProfile model);

    [SkippableFact]
    public async Task WritingTheSameDocumentTwiceLeavesOneVersionWithTheLatestChunks()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("doc1", "a.txt"), ("first text", E(0)), ("second text", E(1)));
        await WriteAsync(store, Doc("doc1", "a.txt", "v2"), ("replacement text", E(2)));
        await WriteAsync(store, Doc("doc1", "a.txt", "v2"), ("replacement text", E(2)));

        var stats = await store.GetStatisticsAsync(None);
        Assert.Equal((1, 1), (stats.Documents, stats.Chunks));
        Assert.Equal(("v2", 1), ((await store.GetDocumentAsync("doc1", None))!.ContentHash, (await store.GetDocumentAsync("doc1", None))!.ChunkCount));
        Assert.Equal(["replacement text"], (await store.SearchAsync(E(0), 5, None)).Select(h => h.Chunk.Chunk.Text));
        Assert.Empty(await store.KeywordSearchAsync("first", 5, None));
    }

    [SkippableFact]
    public async Task DeletingADocumentRemovesItFromBothSearchLegsAndFromTheEmbeddingCache()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("keep", "keep.txt"), ("kept walrus", E(0)));
        await WriteAsync(store, Doc("drop", "drop.txt"), ("dropped walrus", E(1)));

        Assert.True(await store.DeleteDocumentAsync("drop", None));
        Assert.False(await store.DeleteDocumentAsync("drop", None));

        Assert.Null(await store.GetDocumentAsync("drop", None));
        Assert.Equal(["keep"], (await store.ListDocumentsAsync(None)).Select(d => d.Id));
        Assert.Equal(["kept walrus"], (await store.SearchAsync(E(1), 5, None)).Select(h => h.Chunk.Chunk.Text));
        Assert.Equal(["kept walrus"], (await store.KeywordSearchAsync("walrus", 5, None)).Select(h => h.Chunk.Chunk.Text));
        Assert.Empty(await store.GetCachedEmbeddingsAsync([Hashing.Sha256Hex("dropped walrus")], None));
    }

    [SkippableFact]
    public async Task ItsWordListCountsTheChunksHoldingEachWordThroughAddsReplacementsAndDeletes()
    {
        await using var store = await OpenAsync(Model);
        Skip.IfNot(store is ITermVocabulary, "the store offers no word list");
        var vocabulary = (ITermVocabulary)store;
        async Task<long> ChunksWithAsync(string word) =>
            (await vocabulary.TermsStartingWithAsync(word, word.Length, word.Length, None)).SingleOrDefault(t => t.Term == word)?.Chunks ?? 0;

        await WriteAsync(store, Doc("q1", "q1.txt"), ("quokkaline spray", E(0)), ("quokkaline gel", E(1)));
        await WriteAsync(store, Doc("q2", "q2.txt"), ("quokkaline drops and zorbulite", E(2)));
        Assert.Equal((3, 1), (await ChunksWithAsync("quokkalin"), await ChunksWithAsync("zorbulit")));

        await WriteAsync(store, Doc("q1", "q1.txt", "v2"), ("zorbulite only", E(0)));
        Assert.Equal((1, 2), (await ChunksWithAsync("quokkalin"), await ChunksWithAsync("zorbulit")));

        Assert.True(await store.DeleteDocumentAsync("q2", None));
        Assert.Equal((0, 1), (await ChunksWithAsync("quokkalin"), await ChunksWithAsync("zorbulit")));
    }

    [SkippableFact]
    public async Task ItFindsTheChunksHoldingAnIndexedStemWithoutStemmingItAgain()
    {
        await using var store = await OpenAsync(Model);
        Skip.IfNot(store is ITermVocabulary, "the store offers no word list");
        var vocabulary = (ITermVocabulary)store;
        await WriteAsync(store, Doc("r1", "r1.txt"), ("cases increased in spring", E(0)), ("respiratory illness", E(1)), ("nothing here", E(2)));

        Assert.Equal(["cases increased in spring"], await vocabulary.TextsWithTermAsync("increas", 5, None));
        Assert.Equal(["respiratory illness"], await vocabulary.TextsWithTermAsync("respiratori", 5, None));
        Assert.Empty(await vocabulary.TextsWithTermAsync("walrus", 5, None));
    }

    [SkippableFact]
    public async Task DenseSearchReturnsTheTopKChunksBestFirstWithTheirCosineScores()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("doc1", "a.txt"), ("north", E(0)), ("north-east", Unit(1, 1, 0, 0)), ("east", E(1)), ("south", Unit(-1, 0, 0, 0)));

        var hits = await store.SearchAsync(Unit(1, 0.2f, 0, 0), 3, None);

        Assert.Equal(["north", "north-east", "east"], hits.Select(h => h.Chunk.Chunk.Text));
        Assert.Equal([0.9806, 0.8321, 0.1961], hits.Select(h => Math.Round(h.Score, 4)));
        Assert.Equal(("doc1", "a.txt", 0), (hits[0].Chunk.DocumentId, hits[0].Chunk.Source, hits[0].Chunk.Chunk.Ordinal));
    }

    [SkippableFact]
    public async Task AChunkEmbeddedAsSeveralWindowsScoresAsItsBestWindow()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("doc1", "a.txt"), ("two windows", [.. E(0), .. E(2)]), ("one window", Unit(0.8f, 0, 0.6f, 0)));

        var hits = await store.SearchAsync(E(2), 2, None);

        Assert.Equal(["two windows", "one window"], hits.Select(h => h.Chunk.Chunk.Text));
        Assert.Equal([1.0, 0.6], hits.Select(h => Math.Round(h.Score, 4)));
        Assert.Equal(8, (await store.GetCachedEmbeddingsAsync([Hashing.Sha256Hex("two windows")], None)).Single().Value.Length);
    }

    [SkippableFact]
    public async Task KeywordSearchRanksByTheQueryWordsAndNeverParsesQuerySyntax()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("doc1", "a.txt"),
            ("The incubation period of the virus is five days.", E(0)),
            ("Incubation incubation: the incubation period, again the incubation period.", E(1)),
            ("Nothing relevant here at all.", E(2)));

        var hits = await store.KeywordSearchAsync("incubation period", 5, None);
        Assert.Equal(2, hits.Count);
        Assert.StartsWith("Incubation incubation", hits[0].Chunk.Chunk.Text, StringComparison.Ordinal);
        Assert.True(hits[0].Score > hits[1].Score && hits[1].Score > 0);

        foreach (var hostile in new[] { "\"incubation", "incubation AND NOT (", "text:incubation*", "'); DROP TABLE chunks; --", "-incubation | !", "🦠" })
        {
            await store.KeywordSearchAsync(hostile, 5, None); // must not throw
        }

        Assert.Equal(2, (await store.KeywordSearchAsync("'); incubation --", 5, None)).Count);
    }

    [SkippableFact]
    public async Task FiltersRestrictBothLegsToACollectionASourcePrefixAndTags()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("a", "papers/a.txt") with { Collection = "science", Tags = ["peer-reviewed", "2020"] }, ("alpha otter", E(0)));
        await WriteAsync(store, Doc("b", "papers/b.txt") with { Collection = "science", Tags = ["preprint"] }, ("beta otter", E(0)));
        await WriteAsync(store, Doc("c", "notes/c.txt") with { Collection = "notes", Tags = ["peer-reviewed"] }, ("gamma otter", E(0)));

        async Task<string[]> Both(SearchFilter filter)
        {
            var dense = (await store.SearchAsync(E(0), 5, filter, None)).Select(h => h.Chunk.DocumentId).Order().ToArray();
            var keyword = (await store.KeywordSearchAsync("otter", 5, filter, None)).Select(h => h.Chunk.DocumentId).Order().ToArray();
            Assert.Equal(dense, keyword);
            return dense;
        }

        Assert.Equal(["a", "b", "c"], await Both(SearchFilter.None));
        Assert.Equal(["a", "b"], await Both(new SearchFilter { Collection = "science" }));
        Assert.Equal(["c"], await Both(new SearchFilter { SourcePrefix = "notes/" }));
        Assert.Equal(["a", "c"], await Both(new SearchFilter { Tags = ["peer-reviewed"] }));
        Assert.Equal(["a"], await Both(new SearchFilter { Collection = "science", SourcePrefix = "papers/", Tags = ["peer-reviewed", "2020"] }));
        Assert.Empty(await Both(new SearchFilter { Collection = "nowhere" }));
        Assert.Equal(["2020", "peer-reviewed"], (await store.GetDocumentAsync("a", None))!.Tags.Order());
        Assert.Equal("science", (await store.GetDocumentAsync("a", None))!.Collection);
    }

    [SkippableFact]
    public async Task HybridSearchRanksAChunkBothLegsFindAboveOnesOnlyOneLegFinds()
    {
        await using var store = await OpenAsync(Model);
        await WriteAsync(store, Doc("doc1", "a.txt"),
            ("dense only: nothing to match", E(0)),
            ("keyword only: the heron nests here", E(1)),
            ("both: the heron", Unit(0.9f, 0.1f, 0, 0)));
        var embedder = new FixedEmbedder(Model, new Dictionary<string, float[]> { ["heron"] = E(0) });

        var hits = await new HybridRetriever(store, embedder).RetrieveAsync("heron", 3, None);

        Assert.Equal("both: the heron", hits[0].Chunk.Chunk.Text);
        Assert.Equal(3, hits.Count);
    }

    [SkippableFact]
    public async Task ADocumentIsInvisibleUntilItsWriterCommitsAndGoneWhenItIsDisposedWithout()
    {
        await using var store = await OpenAsync(Model);
        await using var other = await OpenAsync(Model);
        var writer = await store.BeginDocumentAsync(Doc("doc1", "a.txt"), None);
        await using (writer)
        {
            await writer.AddAsync([Embedded(0, "pending pelican", E(0))], None);
            Assert.Null(await other.GetDocumentAsync("doc1", None));
            Assert.Empty(await other.KeywordSearchAsync("pelican", 5, None));
        }

        Assert.Null(await store.GetDocumentAsync("doc1", None));
        Assert.Empty(await store.SearchAsync(E(0), 5, None));
    }

    [SkippableFact]
    public async Task ConcurrentWritersAndReadersOnSeparateHandlesNeverSeeAHalfWrittenDocument()
    {
        // One handle per writer and per reader, as separate processes (or server requests) would hold them.
        await using var first = await OpenAsync(Model);
        await using var second = await OpenAsync(Model);
        await using var reader1 = await OpenAsync(Model);
        await using var reader2 = await OpenAsync(Model);
        using var done = new CancellationTokenSource();

        async Task WriteMany(IChunkStore store, string prefix)
        {
            for (var i = 0; i < 8; i++)
            {
                await WriteAsync(store, Doc($"{prefix}{i}", $"{prefix}/{i}.txt"), ($"{prefix} {i} one shared", E(i % 4)), ($"{prefix} {i} two shared", E((i + 1) % 4)), ("shared text", E(3)));
            }
        }

        async Task<int> ReadUntilDone(IChunkStore store)
        {
            var reads = 0;
            do
            {
                foreach (var document in await store.ListDocumentsAsync(None))
                {
                    Assert.Equal(3, document.ChunkCount);
                }

                var hits = await store.KeywordSearchAsync("shared", 100, None);
                Assert.All(hits.GroupBy(h => h.Chunk.DocumentId), document => Assert.Equal(3, document.Count()));
                Assert.All((await store.SearchAsync(E(3), 100, None)).GroupBy(h => h.Chunk.DocumentId), document => Assert.Equal(3, document.Count()));
                reads++;
            }
            while (!done.IsCancellationRequested);

            return reads;
        }

        var readers = new[] { Task.Run(() => ReadUntilDone(reader1)), Task.Run(() => ReadUntilDone(reader2)) };
        await Task.WhenAll(Task.Run(() => WriteMany(first, "x")), Task.Run(() => WriteMany(second, "y")));
        await done.CancelAsync();
        await Task.WhenAll(readers);

        var stats = await reader1.GetStatisticsAsync(None);
        Assert.Equal((16, 48), (stats.Documents, stats.Chunks));
        Assert.Equal(16, (await reader2.KeywordSearchAsync("shared", 100, None)).Count(h => h.Chunk.Chunk.Text == "shared text"));
        Assert.Equal(48, (await reader2.SearchAsync(E(0), 100, None)).Count);
    }

    [SkippableFact]
    public async Task AnotherHandleThatHasAlreadySearchedSeesLaterCommitsInBothLegs()
    {
        await using var writer = await OpenAsync(Model);
        await using var reader = await OpenAsync(Model);
        await WriteAsync(writer, Doc("doc1", "a.txt"), ("early egret", E(0)));
        Assert.Single(await reader.SearchAsync(E(1), 5, None));

        await WriteAsync(writer, Doc("doc2", "b.txt"), ("late egret", E(1)));
        Assert.True(await writer.DeleteDocumentAsync("doc1", None));

        Assert.Equal(["late egret"], (await reader.SearchAsync(E(1), 5, None)).Select(h => h.Chunk.Chunk.Text));
        Assert.Equal(["late egret"], (await reader.KeywordSearchAsync("egret", 5, None)).Select(h => h.Chunk.Chunk.Text));
    }

    [SkippableFact]
    public async Task ReopeningTheStoreKeepsItsDocumentsAndSearchResults()
    {
        await using (var store = await OpenAsync(Model))
        {
            await WriteAsync(store, Doc("doc1", "a.txt") with { Collection = "c", Tags = ["t"] }, ("persistent puffin", E(2)));
        }

        await using var reopened = await OpenAsync(Model);
        Assert.Equal(new StoreStatistics(1, 1, Model.ModelId, Model.Dimensions), await reopened.GetStatisticsAsync(None));
        Assert.Equal("persistent puffin", (await reopened.SearchAsync(E(2), 1, None)).Single().Chunk.Chunk.Text);
        Assert.Equal("persistent puffin", (await reopened.KeywordSearchAsync("puffin", 1, new SearchFilter { Collection = "c", Tags = ["t"] }, None)).Single().Chunk.Chunk.Text);
    }

    [SkippableFact]
    public async Task OpeningWithAnotherModelOrDimensionFailsWithAMessageThatSaysToReindex()
    {
        await using (var store = await OpenAsync(Model))
        {
            await WriteAsync(store, Doc("doc1", "a.txt"), ("anything", E(0)));
        }

        foreach (var other in new[] { Model with { ModelId = "another-model" }, Model with { Dimensions = 8 } })
        {
            var error = await Assert.ThrowsAsync<StoreException>(() => OpenAsync(other));
            Assert.Contains($"'{Model.ModelId}' (4 dimensions)", error.Message, StringComparison.Ordinal);
            Assert.Contains("re-embed it with this model (grounded reindex)", error.Message, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task AnEmbeddingOfTheWrongLengthIsRefused()
    {
        await using var store = await OpenAsync(Model);
        var writer = await store.BeginDocumentAsync(Doc("doc1", "a.txt"), None);
        await using (writer)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => writer.AddAsync([Embedded(0, "short", [1, 0, 0])], None));
        }
    }

    /// <summary>Returns a document record with the given id, source and content hash.</summary>
    protected static DocumentInfo Doc(string id, string source, string hash = "v1") => new(id, source, hash, 0, default) { FullPath = "/" + source };

    /// <summary>Returns the unit vector along <paramref name="axis"/>.</summary>
    protected static float[] E(int axis)
    {
        var v = new float[4];
        v[axis] = 1;
        return v;
    }

    /// <summary>Returns <paramref name="values"/> scaled to unit length.</summary>
    protected static float[] Unit(params float[] values)
    {
        var length = MathF.Sqrt(values.Sum(x => x * x));
        return values.Select(x => x / length).ToArray();
    }

    /// <summary>Returns a chunk with its embedding.</summary>
    protected static EmbeddedChunk Embedded(int ordinal, string text, float[] vector) => new(new Chunk(ordinal, text, 0, text.Length, string.Empty, 3), vector);

    /// <summary>Writes a document's chunks (one embedding per chunk, possibly several windows) and commits.</summary>
    protected static async Task WriteAsync(IChunkStore store, DocumentInfo document, params (string Text, float[] Vector)[] chunks)
    {
        ArgumentNullException.ThrowIfNull(store);
        var writer = await store.BeginDocumentAsync(document, None);
        await using (writer)
        {
            await writer.AddAsync(chunks.Select((c, i) => Embedded(i, c.Text, c.Vector)).ToList(), None);
            await writer.CommitAsync(None);
        }
    }
}
