using System.Text;
using Grounded.Documents;
using Grounded.Rag.Chunking;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class IngestionPipelineTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();
    private SqliteChunkStore _store = null!;

    private string Docs => _dir.Combine("docs");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Docs);
        _store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), _embedder.Profile);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _embedder.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task AddsEveryReadableFileOfAFolder()
    {
        WriteCorpus();

        var report = await Pipeline().IngestAsync([Docs]);

        Assert.Equal((3, 0, 0, 0), (report.Added, report.Updated, report.Unchanged, report.Removed));
        Assert.Empty(report.Failures);
        var documents = await _store.ListDocumentsAsync(CancellationToken.None);
        Assert.Equal(["guide.md", "page.html", "tides.txt"], documents.Select(d => Path.GetFileName(d.Source)));
        Assert.Equal(report.Chunks, documents.Sum(d => d.ChunkCount));
        Assert.True(report.Chunks >= 3);
    }

    [Fact]
    public async Task ReingestingAnUnchangedFileIntoAnotherCollectionOrWithOtherTagsRewritesItWithoutEmbeddingAgain()
    {
        WriteCorpus();
        await Pipeline().IngestAsync([Docs]);
        var embedded = _embedder.TextsEmbedded;

        var report = await Pipeline().IngestAsync([Docs], new IngestOptions { Collection = "guides", Tags = ["b", "a", "b"] });
        var again = await Pipeline().IngestAsync([Docs], new IngestOptions { Collection = "guides", Tags = ["a", "b"] });

        Assert.Equal((0, 3, 0), (report.Added, report.Updated, report.Unchanged));
        Assert.Equal((0, 0, 3), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(embedded, _embedder.TextsEmbedded);
        Assert.All(await _store.ListDocumentsAsync(CancellationToken.None), d => Assert.Equal("guides|a,b", $"{d.Collection}|{string.Join(',', d.Tags.Order())}"));
    }

    [Fact]
    public async Task ReingestingUnchangedFilesDoesNothing()
    {
        WriteCorpus();
        await Pipeline().IngestAsync([Docs]);
        var before = await _store.ListDocumentsAsync(CancellationToken.None);
        var embedded = _embedder.TextsEmbedded;
        var recorder = new RecordingChunkStore(_store);

        var report = await new IngestionPipeline(recorder, _embedder, Chunker()).IngestAsync([Docs]);

        Assert.Equal((0, 0, 3, 0, 0), (report.Added, report.Updated, report.Unchanged, report.Removed, report.Chunks));
        Assert.Equal(0, recorder.Writes);
        Assert.Equal(embedded, _embedder.TextsEmbedded);
        Assert.Equal(before, await _store.ListDocumentsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AChangedFileReplacesItsChunks()
    {
        WriteCorpus();
        await Pipeline().IngestAsync([Docs]);
        var tides = Path.Combine(Docs, "tides.txt");
        await File.WriteAllTextAsync(tides, "Tide tables were rewritten entirely.\n\nNothing of the first version remains here.\n");

        var report = await Pipeline().IngestAsync([Docs]);

        Assert.Equal((0, 1, 2), (report.Added, report.Updated, report.Unchanged));
        var chunks = await _store.GetChunksAsync(FileWalker.DocumentId(tides), CancellationToken.None);
        Assert.Equal(["Tide tables were rewritten entirely.\n\nNothing of the first version remains here."], chunks.Select(c => c.Chunk.Text));
        Assert.Equal(3, (await _store.ListDocumentsAsync(CancellationToken.None)).Count);
        var hits = await _store.SearchAsync(HashedBagOfWordsEmbeddingGenerator.Embed("gravitational pull of the Moon", 64), 10, CancellationToken.None);
        Assert.DoesNotContain(hits, h => h.Chunk.Chunk.Text.Contains("gravitational", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PruningRemovesDocumentsWhoseFilesAreGone()
    {
        WriteCorpus();
        await Pipeline().IngestAsync([Docs]);
        File.Delete(Path.Combine(Docs, "guide.md"));

        var withoutPrune = await Pipeline().IngestAsync([Docs]);
        var kept = (await _store.ListDocumentsAsync(CancellationToken.None)).Count;
        var pruned = await Pipeline().IngestAsync([Docs], new IngestOptions { Prune = true });

        Assert.Equal((0, 3), (withoutPrune.Removed, kept));
        Assert.Equal((1, 2), (pruned.Removed, pruned.Unchanged));
        Assert.Equal(["page.html", "tides.txt"], (await _store.ListDocumentsAsync(CancellationToken.None)).Select(d => Path.GetFileName(d.Source)));
    }

    [Fact]
    public async Task EachDocumentRemembersItsAbsolutePathSoPruningDoesNotDependOnTheWorkingDirectory()
    {
        WriteCorpus();
        await Pipeline().IngestAsync([Docs], new IngestOptions { SourceBase = Docs });

        var documents = await _store.ListDocumentsAsync(CancellationToken.None);

        Assert.All(documents, d => Assert.Equal(Path.Combine(Docs, d.Source), d.FullPath));
    }

    [Fact]
    public async Task PruningLeavesDocumentsOutsideTheGivenFoldersAlone()
    {
        WriteCorpus();
        var other = _dir.Write("elsewhere/other.txt", "A note kept in another folder.");
        await Pipeline().IngestAsync([Docs, other]);
        File.Delete(other);

        var report = await Pipeline().IngestAsync([Docs], new IngestOptions { Prune = true });

        Assert.Equal(0, report.Removed);
        Assert.Equal(4, (await _store.ListDocumentsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ReportsEachBrokenFileWithItsPathAndReasonAndIngestsTheRest()
    {
        _dir.Write("docs/good.txt", "A perfectly fine paragraph about harbours.");
        _dir.Write("docs/binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x00]);
        _dir.Write("docs/corrupt.pdf", RandomBytes(2048, 1));
        _dir.Write("docs/corrupt.docx", RandomBytes(2048, 2));
        var unsupported = _dir.Write("data.xyz", "whatever");

        var report = await Pipeline().IngestAsync([Docs, unsupported]);

        Assert.Equal(1, report.Added);
        var reasons = report.Failures.ToDictionary(f => Path.GetFileName(f.Source), f => f.Error);
        Assert.Equal(["binary.txt", "corrupt.docx", "corrupt.pdf", "data.xyz"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("binary", reasons["binary.txt"], StringComparison.Ordinal);
        Assert.Contains("not a readable PDF", reasons["corrupt.pdf"], StringComparison.Ordinal);
        Assert.Contains("not a readable .docx", reasons["corrupt.docx"], StringComparison.Ordinal);
        Assert.Contains("unsupported file type '.xyz'", reasons["data.xyz"], StringComparison.Ordinal);
        Assert.All(report.Failures, f => Assert.True(Path.IsPathRooted(f.Source), f.Source));
        Assert.Equal(["good.txt"], (await _store.ListDocumentsAsync(CancellationToken.None)).Select(d => Path.GetFileName(d.Source)));
    }

    [Fact]
    public async Task IngestsTextThatIsNotUtf8AndReportsWhichEncodingEachDocumentWasReadIn()
    {
        WriteCorpus();
        _dir.Write("docs/latin1.txt", [.. "Caf"u8, 0xE9, .. " cr"u8, 0xE8, .. "me is served in the harbour caf"u8, 0xE9, 0x2E, 0x0A]);
        _dir.Write("docs/utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Lighthouses guide ships into the harbour at night.")]);

        var report = await Pipeline().IngestAsync([Docs]);
        var again = await Pipeline().IngestAsync([Docs]);

        Assert.Equal((5, 0), (report.Added, report.Failed));
        Assert.Equal(new Dictionary<string, int> { ["utf-16le"] = 1, ["utf-8"] = 3, ["windows-1252"] = 1 }, report.DocumentsByEncoding);
        Assert.Equal(["latin1.txt windows-1252", "utf16.txt utf-16le"], report.LegacyEncodings.Select(e => $"{Path.GetFileName(e.Source)} {e.Encoding}").Order(StringComparer.Ordinal));
        Assert.All(report.LegacyEncodings, e => Assert.True(Path.IsPathRooted(e.Source), e.Source));
        var latin1 = await _store.GetChunksAsync(FileWalker.DocumentId(Path.Combine(Docs, "latin1.txt")), CancellationToken.None);
        Assert.Equal(["Café crème is served in the harbour café."], latin1.Select(c => c.Chunk.Text));
        Assert.Empty(again.DocumentsByEncoding); // unchanged files are not read again
        Assert.Empty(again.LegacyEncodings);
    }

    [Fact]
    public async Task EmptyFilesAreSkippedWithoutFailingTheRun()
    {
        _dir.Write("docs/good.txt", "A perfectly fine paragraph about harbours.");
        _dir.Write("docs/pkg/__init__.py", string.Empty);
        _dir.Write("docs/blank.md", "\n\n   \n");
        _dir.Write("docs/notepad.txt", [0xEF, 0xBB, 0xBF, 0x0D, 0x0A]); // a byte order mark and a line break
        _dir.Write("docs/spaces.txt", new string(' ', 10_000));

        var report = await Pipeline().IngestAsync([Docs]);

        Assert.Equal((1, 4, 0), (report.Added, report.Skipped, report.Failed));
        Assert.Equal(["good.txt"], (await _store.ListDocumentsAsync(CancellationToken.None)).Select(d => Path.GetFileName(d.Source)));
    }

    [Fact]
    public async Task AFileEmptiedSinceItWasIngestedLosesItsOldChunks()
    {
        var notes = _dir.Write("docs/notes.txt", "Harbour pilots board ships at the breakwater.");
        await Pipeline().IngestAsync([Docs]);
        File.WriteAllText(notes, string.Empty);

        var report = await Pipeline().IngestAsync([Docs]);

        Assert.Equal((1, 1, 0), (report.Skipped, report.Removed, report.Failed));
        Assert.Empty(await _store.ListDocumentsAsync(CancellationToken.None));
        Assert.Empty(await _store.KeywordSearchAsync("breakwater", 5, CancellationToken.None));
    }

    [Fact]
    public async Task PruningCountsAnEmptiedFileAndADeletedOneOnceEach()
    {
        var emptied = _dir.Write("docs/emptied.txt", "Tugboats push barges along the river.");
        var deleted = _dir.Write("docs/deleted.txt", "Lighthouses warn ships of rocks.");
        _dir.Write("docs/kept.txt", "Harbour pilots board ships at the breakwater.");
        await Pipeline().IngestAsync([Docs]);
        File.WriteAllText(emptied, string.Empty);
        File.Delete(deleted);

        var report = await Pipeline().IngestAsync([Docs], new IngestOptions { Prune = true });

        Assert.Equal((2, 1, 1), (report.Removed, report.Skipped, report.Unchanged));
        Assert.Equal(["kept.txt"], (await _store.ListDocumentsAsync(CancellationToken.None)).Select(d => Path.GetFileName(d.Source)));
    }

    [Fact]
    public async Task AnIndexedFileWithNoTextIsStillAFailure()
    {
        _dir.Write("docs/figures.html", "<html><body><img src=\"chart.png\"></body></html>");

        var report = await Pipeline().IngestAsync([Docs]);

        Assert.Equal("no text found", Assert.Single(report.Failures).Error);
    }

    [Fact]
    public async Task AMissingPathThrowsBeforeTouchingTheStore()
    {
        WriteCorpus();
        var recorder = new RecordingChunkStore(_store);
        var missing = _dir.Combine("no-such-folder");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => new IngestionPipeline(recorder, _embedder, Chunker()).IngestAsync([Docs, missing]));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, recorder.Calls);
        Assert.Equal(0, _embedder.Calls);
    }

    [Fact]
    public async Task CancellingMidDocumentKeepsThePreviousVersionWhole()
    {
        var path = _dir.Write("docs/long.txt", string.Join("\n\n", Prose.Paragraphs(30, 4, seed: 1)));
        await Pipeline().IngestAsync([path]);
        var id = FileWalker.DocumentId(path);
        var before = await _store.GetDocumentAsync(id, CancellationToken.None);
        var beforeChunks = (await _store.GetChunksAsync(id, CancellationToken.None)).Select(c => c.Chunk.Text).ToList();
        await File.WriteAllTextAsync(path, string.Join("\n\n", Prose.Paragraphs(30, 4, seed: 2)));
        using var cancellation = new CancellationTokenSource();
        var calls = 0;
        _embedder.OnGenerate = (_, _) =>
        {
            if (++calls == 3)
            {
                cancellation.Cancel(); // after two batches of the new version were written
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Pipeline().IngestAsync([path], new IngestOptions { BatchSize = 2 }, cancellationToken: cancellation.Token));

        Assert.Equal(before, await _store.GetDocumentAsync(id, CancellationToken.None));
        Assert.Equal(beforeChunks, (await _store.GetChunksAsync(id, CancellationToken.None)).Select(c => c.Chunk.Text));
        Assert.Equal(beforeChunks.Count, (await _store.GetStatisticsAsync(CancellationToken.None)).Chunks);
    }

    [Fact]
    public async Task CancellingTheFirstIngestOfADocumentLeavesNoTraceOfIt()
    {
        var path = _dir.Write("docs/long.txt", string.Join("\n\n", Prose.Paragraphs(30, 4)));
        using var cancellation = new CancellationTokenSource();
        _embedder.OnGenerate = (_, _) => { if (_embedder.Calls == 2) cancellation.Cancel(); };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Pipeline().IngestAsync([path], new IngestOptions { BatchSize = 2 }, cancellationToken: cancellation.Token));

        Assert.Empty(await _store.ListDocumentsAsync(CancellationToken.None));
        Assert.Equal(0, (await _store.GetStatisticsAsync(CancellationToken.None)).Chunks);
        _embedder.OnGenerate = null;
        Assert.Equal(1, (await Pipeline().IngestAsync([path])).Added);
    }

    [Fact]
    public async Task ReusesEmbeddingsOfTextAlreadyInTheStore()
    {
        var text = string.Join("\n\n", Prose.Paragraphs(10, 4));
        _dir.Write("docs/original.txt", text);
        var first = await Pipeline().IngestAsync([Docs]);
        var embeddedFirst = _embedder.TextsEmbedded;

        _dir.Write("docs/copy.txt", text);
        var second = await Pipeline().IngestAsync([Docs]);

        Assert.Equal(first.Chunks, embeddedFirst);
        Assert.Equal((1, 1, first.Chunks), (second.Added, second.Unchanged, second.Chunks));
        Assert.Equal(embeddedFirst, _embedder.TextsEmbedded);
    }

    [Fact]
    public async Task EmbedsOnlyTheChunksWhoseTextChanged()
    {
        var paragraphs = Prose.Paragraphs(12, 4);
        var path = _dir.Write("docs/notes.md", string.Join("\n\n", paragraphs.Select((p, i) => $"## Part {i}\n\n{p}")));
        var first = await Pipeline().IngestAsync([path]);
        var embedded = _embedder.TextsEmbedded;
        paragraphs[^1] = "This closing paragraph was rewritten from scratch.";

        await File.WriteAllTextAsync(path, string.Join("\n\n", paragraphs.Select((p, i) => $"## Part {i}\n\n{p}")));
        var second = await Pipeline().IngestAsync([path]);

        Assert.Equal(1, second.Updated);
        Assert.True(first.Chunks > 4);
        Assert.InRange(_embedder.TextsEmbedded - embedded, 1, 2);
    }

    [Fact]
    public async Task NamesSourcesRelativeToTheSourceBaseWhenGiven()
    {
        WriteCorpus();

        await Pipeline().IngestAsync([Docs], new IngestOptions { SourceBase = _dir.Path });

        Assert.Equal([Path.Combine("docs", "guide.md"), Path.Combine("docs", "page.html"), Path.Combine("docs", "tides.txt")],
            (await _store.ListDocumentsAsync(CancellationToken.None)).Select(d => d.Source));
    }

    [Fact]
    public async Task SkipsHiddenFoldersAndFilesNoReaderHandlesWhenWalkingAFolder()
    {
        WriteCorpus();
        _dir.Write("docs/.git/config.txt", "hidden settings");
        _dir.Write("docs/image.png", [0x89, 0x50, 0x4E, 0x47]);

        var report = await Pipeline().IngestAsync([Docs]);

        Assert.Equal(3, report.Added);
        Assert.Empty(report.Failures);
    }

    [Fact]
    public async Task ReportsProgressForEveryFile()
    {
        WriteCorpus();
        var seen = new List<IngestProgress>();

        await Pipeline().IngestAsync([Docs], progress: new SynchronousProgress(seen.Add));

        Assert.Equal([0, 1, 2, 3], seen.Select(p => p.FilesDone));
        Assert.All(seen, p => Assert.Equal(3, p.FilesTotal));
        Assert.Null(seen[^1].Current);
    }

    [Fact]
    public async Task AStoreThatGoesDownMidIngestStopsItWithAStoreErrorAndKeepsTheDocumentsAlreadyCommitted()
    {
        WriteCorpus();
        var store = new RecordingChunkStore(_store) { DownAfterWrites = 1 };

        var error = await Assert.ThrowsAsync<Grounded.Storage.StoreException>(() => new IngestionPipeline(store, _embedder, Chunker()).IngestAsync([Docs]));

        Assert.StartsWith("the store failed while ingesting ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Failed to connect to 127.0.0.1:5432", error.Message, StringComparison.Ordinal);
        Assert.Single(await _store.ListDocumentsAsync(CancellationToken.None));
    }

    private IngestionPipeline Pipeline() => new(_store, _embedder, Chunker());

    private static TokenWindowChunker Chunker() => new(new ChunkingOptions { ChunkTokens = 64, OverlapTokens = 8 });

    private void WriteCorpus()
    {
        _dir.Write("docs/tides.txt", "Ocean tides are caused mainly by the gravitational pull of the Moon.\n\nSpring tides happen when the Sun and Moon align.\n");
        _dir.Write("docs/guide.md", "# Baking\n\nBread rises because yeast ferments sugar and releases carbon dioxide.\n\n## Ovens\n\nPreheat the oven before baking.\n");
        _dir.Write("docs/page.html", "<html><body><h1>Solar</h1><p>Solar panels convert sunlight into electricity.</p></body></html>");
    }

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
