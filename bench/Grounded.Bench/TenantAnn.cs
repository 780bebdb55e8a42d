using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json;
using Grounded.Chunks;
using Grounded.Cli.Benchmarks;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Index.Ann;
using Grounded.Storage;

namespace Grounded.Bench;

/// <summary>
/// Dense search for a small tenant among large ones, through the embedded store's real filtered search: one store of
/// clustered synthetic vectors (as <c>grounded bench ann</c> makes them) where tenant <c>small</c> holds a share (default 1%)
/// assigned at random and tenant <c>big</c> the rest. For the same queries it times, in rotating order, the unfiltered
/// HNSW search (the baseline), the small tenant's search as the store runs it (subset scan), the same forced through the
/// over-fetching HNSW walk (<c>FilteredExactShare = 0</c>), and the big tenant's search; recall@10 is against the exact top 10
/// of the vectors each search may see.
/// </summary>
internal static class TenantAnn
{
    private const string Usage = "usage: tenant-ann [--count 200000] [--share 0.01] [--queries 300] [--work DIR] [--json FILE]";
    private const int Dimensions = 384;
    private const int PerDocument = 100;
    private const int TopK = 10;
    private static readonly EmbeddingModelProfile Profile = new("bench-synthetic-384", Dimensions, string.Empty, 512);
    private static readonly SearchFilter Small = new() { Tenant = "small" };
    private static readonly SearchFilter Big = new() { Tenant = "big" };

    private sealed record Result(string Search, string Strategy, double P50, double P95, double P99, double Mean, double Recall);

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

        var count = options.GetInt("count", 200_000);
        var share = double.Parse(options.Get("share", "0.01"), CultureInfo.InvariantCulture);
        var source = new SyntheticVectors(Dimensions, Math.Max(16, count / 1_000), 42);
        var vectors = source.Next(count);
        var queries = source.Next(options.GetInt("queries", 300));
        var random = new Random(7);
        var documents = count / PerDocument;
        var smallDocuments = Enumerable.Range(0, documents).OrderBy(_ => random.Next()).Take((int)Math.Round(documents * share)).ToHashSet();
        var work = options.Get("work") ?? Path.Combine(Path.GetTempPath(), "grounded-bench");
        var dir = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"tenant-ann-{count}-s{share}"));
        var built = Stopwatch.StartNew();
        await BuildOnceAsync(dir, vectors, documents, smallDocuments);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store ready in {built.Elapsed.TotalSeconds:0} s: {count} vectors, tenant 'small' holds {smallDocuments.Count * PerDocument} ({share:P1})"));

        await using var store = await SqliteChunkStore.OpenAsync(dir, Profile);
        await using var forced = await SqliteChunkStore.OpenAsync(dir, Profile, ann: new AnnOptions { FilteredExactShare = 0 });
        await store.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
        await forced.SyncAnnIndexAsync(rebuild: false, CancellationToken.None);
        var seqOf = SmallOwners(documents, smallDocuments);
        var searches = new (string Name, IChunkStore Store, SearchFilter? Filter, Func<int, bool> Visible)[]
        {
            ("unfiltered", store, null, _ => true),
            ("small tenant", store, Small, i => seqOf[i]),
            ("small tenant, HNSW forced", forced, Small, i => seqOf[i]),
            ("big tenant", store, Big, i => !seqOf[i]),
        };
        var times = searches.Select(_ => new List<double>()).ToArray();
        var recalls = searches.Select(_ => new List<double>()).ToArray();
        var strategies = new string[searches.Length];
        var queryCount = queries.Length / Dimensions;
        for (var q = 0; q < queryCount; q++)
        {
            var query = queries.AsMemory(q * Dimensions, Dimensions);
            for (var turn = 0; turn < searches.Length; turn++)
            {
                var s = (q + turn) % searches.Length;
                var (_, target, filter, visible) = searches[s];
                var clock = Stopwatch.StartNew();
                var hits = await target.SearchAsync(query, TopK, filter, CancellationToken.None);
                times[s].Add(clock.Elapsed.TotalMilliseconds);
                strategies[s] = filter is null ? "hnsw" : ((SqliteChunkStore)target).LastFilteredStrategy;
                var truth = ExactTop(vectors, query.Span, visible);
                recalls[s].Add(hits.Count(h => truth.Contains(int.Parse(h.Chunk.Chunk.Text.AsSpan(1), CultureInfo.InvariantCulture))) / (double)TopK);
            }
        }

        var results = searches.Select((s, i) => Summarise(s.Name, strategies[i], times[i], recalls[i])).ToList();
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Search,-28} {r.Strategy,-14} p50 {r.P50,7:0.00} ms  p95 {r.P95,7:0.00}  p99 {r.P99,7:0.00}  mean {r.Mean,7:0.00}  recall@10 {r.Recall:0.000}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"small tenant ÷ unfiltered, p50: {results[1].P50 / results[0].P50:0.00}×  mean: {results[1].Mean / results[0].Mean:0.00}×"));
        if (options.Get("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { count, share, queries = queryCount, results }));
        }

        return 0;
    }

    private static Result Summarise(string name, string strategy, List<double> times, List<double> recalls)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Result(name, strategy, At(0.5), At(0.95), At(0.99), times.Average(), recalls.Average());
    }

    // The exact top 10 of the vectors a search may see (by index into the generated vectors).
    private static HashSet<int> ExactTop(float[] vectors, ReadOnlySpan<float> query, Func<int, bool> visible)
    {
        var heap = new PriorityQueue<int, float>();
        for (var i = 0; i < vectors.Length / Dimensions; i++)
        {
            if (!visible(i))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(vectors.AsSpan(i * Dimensions, Dimensions), query);
            if (heap.Count < TopK)
            {
                heap.Enqueue(i, score);
            }
            else if (heap.TryPeek(out _, out var worst) && score > worst)
            {
                heap.DequeueEnqueue(i, score);
            }
        }

        return [.. heap.UnorderedItems.Select(e => e.Element)];
    }

    // Whether each generated vector belongs to the small tenant (document d holds vectors d*100 .. d*100+99).
    private static bool[] SmallOwners(int documents, HashSet<int> small)
    {
        var owners = new bool[documents * PerDocument];
        foreach (var d in small)
        {
            Array.Fill(owners, true, d * PerDocument, PerDocument);
        }

        return owners;
    }

    private static async Task BuildOnceAsync(string dir, float[] vectors, int documents, HashSet<int> small)
    {
        if (File.Exists(Path.Combine(dir, "ready")))
        {
            return;
        }

        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        await using (var store = await SqliteChunkStore.OpenAsync(dir, Profile, ann: new AnnOptions { MinimumVectors = int.MaxValue }))
        {
            for (var d = 0; d < documents; d++)
            {
                var writer = await store.BeginDocumentAsync(new DocumentInfo($"d{d}", $"doc{d}.txt", $"h{d}", 0, default)
                {
                    FullPath = $"/doc{d}.txt", Tenant = small.Contains(d) ? "small" : "big",
                }, CancellationToken.None);
                await using (writer)
                {
                    var chunks = Enumerable.Range(d * PerDocument, PerDocument).Select(i => new EmbeddedChunk(
                        new Chunk(i - d * PerDocument, $"v{i}", 0, 1, string.Empty, 1), vectors.AsMemory(i * Dimensions, Dimensions))).ToList();
                    await writer.AddAsync(chunks, CancellationToken.None);
                    await writer.CommitAsync(CancellationToken.None);
                }
            }
        }

        await using (var store = await SqliteChunkStore.OpenAsync(dir, Profile))
        {
            await store.SyncAnnIndexAsync(rebuild: true, CancellationToken.None);
        }

        await File.WriteAllTextAsync(Path.Combine(dir, "ready"), "built");
    }
}
