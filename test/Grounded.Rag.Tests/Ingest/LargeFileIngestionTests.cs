using System.Diagnostics;
using System.Text;
using Grounded.Rag.Chunking;
using Grounded.Rag.Index;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;
using Xunit.Abstractions;

namespace Grounded.Rag.Tests.Ingest;

// Not run in parallel with other tests: the test measures the whole process's managed heap.
[CollectionDefinition(nameof(LargeFileIngestionTests), DisableParallelization = true)]
public sealed class LargeFileIngestionCollection;

/// <summary>A large file is streamed through the pipeline, never held whole.</summary>
[Collection(nameof(LargeFileIngestionTests))]
public sealed class LargeFileIngestionTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();
    private readonly ITestOutputHelper _output = output;
    private SqliteChunkStore _store = null!;

    public async Task InitializeAsync() => _store = await SqliteChunkStore.OpenAsync(_dir.Combine("store"), _embedder.Profile);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _embedder.Dispose();
        _dir.Dispose();
    }

    // Windows-1252 is the worst case: the file is found not to be UTF-8 only at its last line, after a whole pass.
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("utf-8")]
    [InlineData("windows-1252")]
    public async Task IngestsAFiftyMegabyteTextFileInBoundedMemory(string encoding)
    {
        var path = _dir.Combine("docs", "big.txt");
        var size = WriteLargeText(path, 50L * 1024 * 1024, encoding == "utf-8" ? new UTF8Encoding(false) : CodePagesEncodingProvider.Instance.GetEncoding(encoding)!);
        _ = TokenCounter.Default.Count("Load the tokenizer's vocabulary (about 40 MB) before the baseline.");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // Live objects only (a full collection per sample), so the gen0 budget's garbage cannot make the test flaky.
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(100, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();

        var report = await new IngestionPipeline(_store, _embedder, new TokenWindowChunker(new ChunkingOptions())).IngestAsync([path]);

        await done.CancelAsync();
        await sampler;
        var growthMb = (peak - baseline) / (1024.0 * 1024.0);
        _output.WriteLine($"{size / (1024 * 1024)} MB file, {report.Chunks} chunks in {clock.Elapsed.TotalSeconds:0.0} s, live managed memory grew by at most {growthMb:0} MB");
        Assert.Equal(1, report.Added);
        Assert.Equal(encoding, Assert.Single(report.DocumentsByEncoding).Key);
        Assert.True(report.Chunks > 10_000, $"only {report.Chunks} chunks");
        Assert.True(growthMb < 25, $"live managed memory grew by {growthMb:0} MB while ingesting a {size / (1024 * 1024)} MB file"); // the file as a string would take 100 MB
    }

    private static long WriteLargeText(string path, long bytes, Encoding encoding)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, false, encoding, 1 << 16);
        var sentences = Prose.Sentences(2000, seed: 42);
        var random = new Random(42);
        long written = 0;
        var n = 0;
        while (written < bytes)
        {
            var count = random.Next(3, 9);
            var paragraph = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                // The counter keeps chunk texts distinct, so the embedding cache cannot shortcut the work.
                paragraph.Append(sentences[random.Next(sentences.Count)]).Append(" Note ").Append(n++).Append(". ");
            }

            paragraph.Append("\n\n");
            writer.Write(paragraph);
            written += paragraph.Length;
        }

        writer.Write("The last line is the only one that is not ASCII: café.\n");
        return written;
    }
}
