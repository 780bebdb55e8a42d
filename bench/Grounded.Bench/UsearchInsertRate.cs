using System.Diagnostics;
using Cloud.Unum.USearch;
using Grounded.Rag.Index.Ann;

namespace Grounded.Bench;

/// <summary>
/// Insert throughput of the USearch HNSW index three ways, on the same random 384-d unit vectors: the package's own
/// <c>USearchIndex.Add</c> one vector at a time (it grows capacity by one vector per add), and Grounded's
/// <see cref="HnswIndex"/> (C API, capacity reserved once) on one thread and on every core. Why the store calls the C API.
/// </summary>
internal static class UsearchInsertRate
{
    public static Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var count = options.GetInt("count", 20_000);
        const int dims = 384;
        var random = new Random(1);
        var vectors = Enumerable.Range(0, count).Select(_ =>
        {
            var v = new float[dims];
            for (var i = 0; i < dims; i++)
            {
                v[i] = (float)(random.NextDouble() - 0.5);
            }

            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }).ToList();

        var stock = Stopwatch.StartNew();
        using (var index = new USearchIndex(MetricKind.Ip, ScalarKind.Int8, dims, 16, 128, 100))
        {
            for (var i = 0; i < count; i++)
            {
                index.Add((ulong)i, vectors[i]);
            }
        }

        Report("Cloud.Unum.USearch USearchIndex.Add, 1 thread", count, stock.Elapsed);
        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            var timer = Stopwatch.StartNew();
            using var index = HnswIndex.Create(dims, new AnnOptions());
            index.AddMany(vectors.Select((v, i) => ((ulong)i, v)).ToList(), threads, CancellationToken.None);
            Report($"HnswIndex (C API, reserved), {threads} thread(s)", count, timer.Elapsed);
        }

        return Task.FromResult(0);
    }

    private static void Report(string what, int count, TimeSpan elapsed) =>
        Console.WriteLine($"{what,-52} {count / elapsed.TotalSeconds,10:N0} vectors/s ({elapsed.TotalSeconds:0.0} s for {count:N0})");
}
