using Grounded.Rag.Chunking;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Fakes;

namespace Grounded.Rag.Tests.Ingest;

public sealed class IngestPiiTests : IAsyncLifetime, IDisposable
{
    private const string Email = "maria.gonzalez@example.org";
    private readonly TempDirectory _dir = new();
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();
    private readonly List<string> _embedded = [];
    private SqliteChunkStore _store = null!;

    public async Task InitializeAsync()
    {
        _dir.Write("docs/payroll.md", $"# Payroll, contact {Email}\n\nPayroll questions go to {Email}. She answers payroll questions within two days.\n");
        _dir.Write("docs/tides.txt", "Ocean tides are caused mainly by the gravitational pull of the Moon.");
        _embedder.OnGenerate = (texts, _) => { lock (_embedded) { _embedded.AddRange(texts); } };
        _store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), _embedder.Profile);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _embedder.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task RedactReplacesTheEmailBeforeItIsEmbeddedOrIndexed()
    {
        var report = await Pipeline().IngestAsync([_dir.Combine("docs")], new IngestOptions { Pii = PiiIngestMode.Redact, PiiDetector = new FakePiiDetector() });

        Assert.Empty(report.Failures);
        var hits = await _store.KeywordSearchAsync("payroll questions", 10, CancellationToken.None);
        var chunk = Assert.Single(hits).Chunk.Chunk;
        Assert.DoesNotContain(Email, chunk.Text + chunk.Context + chunk.HeadingPath, StringComparison.Ordinal);
        Assert.Contains("Payroll questions go to <EMAIL_ADDRESS>.", chunk.Text, StringComparison.Ordinal);
        Assert.Empty(await _store.KeywordSearchAsync("gonzalez", 10, CancellationToken.None));
        Assert.DoesNotContain(_embedded, t => t.Contains(Email, StringComparison.Ordinal));
        var payroll = Assert.Single(report.Pii);
        Assert.EndsWith("payroll.md", payroll.Source, StringComparison.Ordinal);
        Assert.Equal(2, payroll.ByType["EMAIL_ADDRESS"]); // the heading's and the paragraph's, each once
    }

    [Fact]
    public async Task FlagCountsTheEntitiesPerDocumentAndIndexesTheTextUnchanged()
    {
        var report = await Pipeline().IngestAsync([_dir.Combine("docs")], new IngestOptions { Pii = PiiIngestMode.Flag, PiiDetector = new FakePiiDetector() });

        Assert.Equal(new Dictionary<string, int> { ["EMAIL_ADDRESS"] = 2 }, report.PiiByType);
        Assert.Single(report.Pii);
        var chunk = Assert.Single(await _store.KeywordSearchAsync("payroll questions", 10, CancellationToken.None)).Chunk.Chunk;
        Assert.Contains(Email, chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedactingADocumentIndexedBeforeRewritesItAndIngestingItAgainLeavesItAlone()
    {
        await Pipeline().IngestAsync([_dir.Combine("docs")]);
        var redact = new IngestOptions { Pii = PiiIngestMode.Redact, PiiDetector = new FakePiiDetector() };

        var first = await Pipeline().IngestAsync([_dir.Combine("docs")], redact);
        var again = await Pipeline().IngestAsync([_dir.Combine("docs")], redact);

        Assert.Equal((2, 0), (first.Updated, first.Unchanged));
        Assert.Equal((0, 2), (again.Updated, again.Unchanged));
        Assert.Empty(await _store.KeywordSearchAsync("gonzalez", 10, CancellationToken.None));
    }

    [Fact]
    public async Task ScreeningWithoutADetectorIsRefusedBeforeAnythingIsWritten()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Pipeline().IngestAsync([_dir.Combine("docs")], new IngestOptions { Pii = PiiIngestMode.Redact }));

        Assert.Contains("PiiDetector", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListDocumentsAsync(CancellationToken.None));
    }

    private IngestionPipeline Pipeline() => new(_store, _embedder, new TokenWindowChunker(new ChunkingOptions { ChunkTokens = 200, OverlapTokens = 0 }));
}
