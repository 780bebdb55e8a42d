using System.Diagnostics;
using Grounded.Rag.Index;
using Grounded.Rag.Index.Ann;

namespace Grounded.Cli.Benchmarks;

/// <summary>
/// The embedded store's two dense paths on synthetic vectors, in one process: the exact scan (<see cref="VectorMatrix"/>,
/// as below the ANN threshold or with --exact) and the HNSW index searched as the store does (over-fetch, then exact
/// rescoring of the candidates from the float vectors). Both run single-threaded; the build uses every core.
/// </summary>
internal static class AnnBenchmark
{
    public const int TopK = 10;

    public static AnnBenchResult Run(AnnBenchPlan plan, CancellationToken cancellationToken)
    {
        var data = plan.Generate();
        var matrix = new VectorMatrix(plan.Dimensions, Enumerable.Range(0, plan.Count).Select(i => (long)i).ToList(),
            Enumerable.Range(0, plan.Count + 1).ToList(), data.Vectors);

        var exact = new Latencies();
        var truth = new List<HashSet<long>>(plan.Queries);
        WarmUp(() => matrix.Search(data.Query(0), TopK));
        for (var q = 0; q < plan.Queries; q++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            truth.Add(exact.Time(() => matrix.Search(data.Query(q), TopK)).Select(h => h.RowId).ToHashSet());
        }

        var build = Stopwatch.StartNew();
        using var index = HnswIndex.Create(plan.Dimensions, plan.Ann);
        index.Reserve(plan.Count);
        Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = plan.Ann.BuildThreads, CancellationToken = cancellationToken },
            i => index.Add((ulong)i, data.Vectors.AsSpan(i * plan.Dimensions, plan.Dimensions)));
        var buildSeconds = build.Elapsed.TotalSeconds;

        var ann = new Latencies();
        var hits = 0;
        var want = Math.Max(TopK * plan.Ann.OverFetch, 40);
        var keys = new ulong[want];
        var scores = new float[want];
        WarmUp(() => index.Search(data.Query(0), keys, scores));
        for (var q = 0; q < plan.Queries; q++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = ann.Time(() => SearchAndRescore(index, data, q, keys, scores));
            hits += found.Count(truth[q].Contains);
        }

        return new AnnBenchResult(plan.Count, plan.Dimensions, "embedded", Math.Round(buildSeconds, 2),
            new AnnBenchResult.Leg(exact.Qps, exact.P50, exact.P99, plan.Queries),
            new AnnBenchResult.AnnLeg(ann.Qps, ann.P50, ann.P99, plan.Queries, Math.Round(hits / (double)(TopK * plan.Queries), 4)),
            Math.Round(index.MemoryBytes / (double)plan.Count, 1), plan.Settings());
    }

    /// <summary>Top-10 ids: the index's candidates rescored with the float vectors, as <c>SqliteChunkStore</c> does.</summary>
    private static List<long> SearchAndRescore(HnswIndex index, AnnBenchPlan.Data data, int q, ulong[] keys, float[] scores)
    {
        var query = data.Query(q);
        var found = index.Search(query, keys, scores);
        var rescored = new List<(long Id, float Score)>(found);
        for (var i = 0; i < found; i++)
        {
            var id = (long)keys[i];
            rescored.Add((id, VectorMatrix.BestScore(data.Vectors.AsSpan((int)id * data.Dimensions, data.Dimensions), query)));
        }

        rescored.Sort((a, b) => b.Score.CompareTo(a.Score));
        return rescored.Take(TopK).Select(r => r.Id).ToList();
    }

    private static void WarmUp<T>(Func<T> query)
    {
        for (var i = 0; i < 3; i++)
        {
            query();
        }
    }
}
