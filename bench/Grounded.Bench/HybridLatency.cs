using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Index.Ann;
using Grounded.Rag.Retrieve;
using Grounded.Storage;

namespace Grounded.Bench;

/// <summary>
/// Query latency of the real retrieval classes on a large synthetic embedded store, query embedding excluded: the
/// dense leg, the keyword leg and the default hybrid retriever, at top-k 10 (and the legs at the 100 candidates the
/// weighted hybrid asks each for), with the HNSW index the store uses from 20,000 vectors on and again with the exact
/// scan. The store is built once (no model: see <see cref="SyntheticCorpus"/>) and kept in the work folder. The legs
/// take turns query by query, in rotating order, so load from elsewhere falls on all alike. Finally the int8 model's
/// time to embed one short query is measured on its own (median of 50), the part these figures leave out.
/// </summary>
internal static class HybridLatency
{
    private const string Usage =
        "usage: hybrid-latency [--chunks 100000] [--queries 300] [--work DIR] [--words 300] [--vocabulary 50000] [--per-document 1000] [--skip-ranks 100] [--no-exact] [--no-model] [--json FILE]";

    private const int Seed = 42;
    private const int BatchSize = 32;
    private static readonly EmbeddingModelProfile Profile = new("bench-synthetic-384", SyntheticCorpus.Dimensions, string.Empty, 512);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private sealed record Leg(string Name, Func<string, Task<int>> Run);

    private sealed record Result(string Leg, string Index, int Queries, double P50, double P95, double P99, double Mean, double Qps);

    public static async Task<int> RunAsync(string[] args)
    {
        Args options;
        try
        {
            options = Args.Parse(args);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }

        var chunks = options.GetInt("chunks", 100_000);
        var words = options.GetInt("words", 300);
        var vocabulary = options.GetInt("vocabulary", 50_000);
        var perDocument = Math.Max(1, options.GetInt("per-document", 1000));
        var corpus = new SyntheticCorpus(vocabulary, Math.Max(1, chunks / 1000), Seed);
        var work = options.Get("work") ?? Path.Combine(Path.GetTempPath(), "grounded-bench");
        var dir = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"hybrid-latency-{chunks}x{words}-v{vocabulary}-s{Seed}"));
        await BuildOnceAsync(dir, corpus, chunks, words, perDocument);

        var random = new Random(7);
        var queries = Enumerable.Range(0, options.GetInt("queries", 300)).Select(_ => corpus.Query(random, options.GetInt("skip-ranks", 100))).ToList();
        using var embedder = new FixedQueryEmbedder(Profile, queries.GroupBy(q => q.Text).ToDictionary(g => g.Key, g => g.First().Vector, StringComparer.Ordinal));
        var texts = queries.Select(q => q.Text).ToList();
        var results = new List<Result>();
        Console.WriteLine($"{texts.Count} queries of 3-8 words; top-k 10; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        await using (var store = await SqliteChunkStore.OpenAsync(dir, Profile))
        {
            var clock = Stopwatch.StartNew();
            var indexed = await store.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HNSW index: {indexed:N0} vectors, ready in {clock.Elapsed.TotalSeconds:0.0} s"));
            results.AddRange(await MeasureAsync(store, embedder, texts, withKeyword: true));
        }

        if (!options.Has("no-exact"))
        {
            await using var exact = await SqliteChunkStore.OpenAsync(dir, Profile, ann: new AnnOptions { Enabled = false });
            results.AddRange(await MeasureAsync(exact, embedder, texts, withKeyword: false));
        }

        Console.WriteLine($"load average {LoadAverage()}");
        if (!options.Has("no-model"))
        {
            var embedding = await EmbeddingMillisecondsAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"query embedding (int8 arctic-embed-xs, one short query, median of 50): {embedding:0.00} ms"));
        }

        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(results, Indented));
        }

        return 0;
    }

    private static async Task BuildOnceAsync(string dir, SyntheticCorpus corpus, int chunks, int words, int perDocument)
    {
        var marker = Path.Combine(dir, "complete.txt");
        if (File.Exists(marker))
        {
            Console.WriteLine($"store: {dir} (cached; {(await File.ReadAllTextAsync(marker)).Trim()})");
            return;
        }

        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true); // an interrupted build
        }

        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var vectors = 0L;
        await using (var store = await SqliteChunkStore.OpenAsync(dir, Profile))
        {
            for (var (d, written) = (0, 0); written < chunks; d++)
            {
                var count = Math.Min(perDocument, chunks - written);
                var document = new DocumentInfo($"doc{d:D5}", $"synthetic/doc{d:D5}.txt", $"hash{d}", 0, default) { FullPath = $"/synthetic/doc{d:D5}.txt" };
                var writer = await store.BeginDocumentAsync(document, CancellationToken.None);
                await using (writer)
                {
                    for (var start = 0; start < count; start += BatchSize)
                    {
                        var batch = Enumerable.Range(start, Math.Min(BatchSize, count - start)).Select(i => corpus.Chunk(random, i, words)).ToList();
                        vectors += batch.Sum(c => c.Embedding.Length / SyntheticCorpus.Dimensions);
                        await writer.AddAsync(batch, CancellationToken.None);
                    }

                    await writer.CommitAsync(CancellationToken.None);
                }

                written += count;
            }

            var ingest = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var indexed = await store.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
            var stats = await store.GetStatisticsAsync(CancellationToken.None);
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{stats.Documents} documents, {stats.Chunks:N0} chunks of {words} words, {vectors:N0} window vectors; written in {ingest:0} s; HNSW index of {indexed:N0} vectors built in {clock.Elapsed.TotalSeconds:0} s");
            Console.WriteLine($"store: {dir} ({summary})");
            await File.WriteAllTextAsync(marker, summary);
        }
    }

    private static async Task<List<Result>> MeasureAsync(SqliteChunkStore store, FixedQueryEmbedder embedder, List<string> queries, bool withKeyword)
    {
        var dense = new DenseRetriever(store, embedder);
        var keyword = new KeywordRetriever(store);
        var hybrid = Retrievers.Create(store, embedder, new RetrievalOptions());
        var legs = new List<Leg>
        {
            new("dense top-10", async q => (await dense.RetrieveAsync(q, 10, CancellationToken.None)).Count),
            new("dense top-100 (hybrid's dense leg)", async q => (await dense.RetrieveAsync(q, 100, CancellationToken.None)).Count),
            new("hybrid top-10 (default, weighted)", async q => (await hybrid.RetrieveAsync(q, 10, CancellationToken.None)).Count),
        };
        if (withKeyword)
        {
            legs.Insert(2, new("keyword top-10", async q => (await keyword.RetrieveAsync(q, 10, CancellationToken.None)).Count));
            legs.Insert(3, new("keyword top-100 (hybrid's keyword leg)", async q => (await keyword.RetrieveAsync(q, 100, CancellationToken.None)).Count));
        }

        var clock = Stopwatch.StartNew();
        await dense.RetrieveAsync(queries[0], 10, CancellationToken.None); // loads the exact scan's matrix, or nothing
        var first = clock.Elapsed.TotalSeconds;
        foreach (var query in queries.Take(10))
        {
            foreach (var leg in legs)
            {
                await leg.Run(query); // warm-up, untimed
            }
        }

        var times = legs.Select(_ => new List<double>(queries.Count)).ToList();
        var annUsed = legs.Select(_ => 0).ToList();
        var empty = legs.Select(_ => 0).ToList();
        for (var q = 0; q < queries.Count; q++)
        {
            for (var turn = 0; turn < legs.Count; turn++)
            {
                var l = (q + turn) % legs.Count;
                var start = Stopwatch.GetTimestamp();
                var found = await legs[l].Run(queries[q]);
                times[l].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                annUsed[l] += store.LastSearchUsedAnn ? 1 : 0;
                empty[l] += found == 0 ? 1 : 0;
            }
        }

        var index = store.Ann.Enabled ? "default options (HNSW index allowed)" : "HNSW index off (exact scan)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-- {index} (first search {first:0.00} s)"));
        Console.WriteLine($"{"leg",-40} {"index",-6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"mean ms",8} {"QPS",7}");
        var results = new List<Result>();
        for (var l = 0; l < legs.Count; l++)
        {
            var sorted = times[l].Order().ToList();
            var served = legs[l].Name.StartsWith("keyword", StringComparison.Ordinal) ? "-" : annUsed[l] == sorted.Count ? "HNSW" : annUsed[l] == 0 ? "exact" : $"{annUsed[l]}/{sorted.Count}";
            var result = new Result(legs[l].Name, served, sorted.Count, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted.Average(), sorted.Count / (sorted.Sum() / 1000));
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Leg,-40} {result.Index,-6} {result.P50,8:0.00} {result.P95,8:0.00} {result.P99,8:0.00} {result.Mean,8:0.00} {result.Qps,7:0.0}{(empty[l] > 0 ? $"  ({empty[l]} empty)" : string.Empty)}"));
        }

        return results;
    }

    private static async Task<double> EmbeddingMillisecondsAsync()
    {
        using var model = EmbeddingModels.ArcticXs(quantized: true);
        var query = model.Profile.QueryPrefix + "what causes fever in young children";
        var times = new List<double>();
        for (var i = 0; i < 55; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await Microsoft.Extensions.AI.EmbeddingGeneratorExtensions.GenerateVectorAsync(model, query);
            if (i >= 5)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return Rank(times.Order().ToList(), 0.5);
    }

    private static double Rank(List<double> sorted, double p) => sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
