using System.Diagnostics;
using System.Text.Json.Nodes;
using Grounded.Bench.Load.Rig;
using Grounded.Bench.Load.Traffic;

namespace Grounded.Bench.Load;

/// <summary>
/// <c>soak</c>: the mix at a steady rate for a long time, sampling each replica's memory, handles and threads between
/// windows; reports the least-squares slope of each per hour over the run after its first fifth (start-up growth: caches
/// and JIT filling), with errors and latency per window.
/// </summary>
internal sealed class SoakRun(Cluster cluster, HttpClient client, Action<string> say)
{
    public async Task<JsonObject> RunAsync(int rate, TimeSpan duration, TimeSpan window)
    {
        await using var balancer = new Balancer(cluster.Replicas, healthChecks: false);
        var generator = new Generator(client, balancer);
        var mix = new Mix(0.3, Mix.DefaultWeights);
        var samples = new List<(double Minutes, double[] Rss, int[] Handles, int[] Threads)>();
        var windows = new JsonArray();
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        var requests = 0;
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            var outcomes = await generator.RunAsync(rate, window, _ => LoadRun.Plan(mix));
            requests += outcomes.Count;
            foreach (var (kind, count) in Summary.Errors(outcomes))
            {
                errors[kind] = errors.GetValueOrDefault(kind) + count;
            }

            GC.Collect(); // the rig's own garbage is not the replicas' memory, but keep this process small over hours
            var minutes = Stopwatch.GetElapsedTime(started).TotalMinutes;
            samples.Add((minutes, [.. cluster.Replicas.Select(r => r.RssMb())], [.. cluster.Replicas.Select(r => r.Handles())], [.. cluster.Replicas.Select(r => ProcStat.Threads(r.Pid))]));
            windows.Add(new JsonObject
            {
                ["minute"] = Summary.Round(minutes, 2),
                ["achievedRps"] = Summary.Round(Summary.AchievedRps(outcomes)),
                ["p99Ms"] = Summary.Round(Summary.P(outcomes, 0.99)),
                ["errors"] = outcomes.Count(o => !o.Ok),
                ["rssMb"] = new JsonArray([.. samples[^1].Rss.Select(v => (JsonNode)Summary.Round(v))]),
                ["handles"] = new JsonArray([.. samples[^1].Handles.Select(v => (JsonNode)v)]),
                ["threads"] = new JsonArray([.. samples[^1].Threads.Select(v => (JsonNode)v)]),
            });
            say($"minute {minutes:0.0}: {Summary.Line(outcomes)}; RSS {string.Join('/', samples[^1].Rss.Select(v => v.ToString("0")))} MB, handles {string.Join('/', samples[^1].Handles)}");
        }

        var steady = samples.Skip(samples.Count / 5).ToList();
        var errorsJson = new JsonObject();
        foreach (var (kind, count) in errors)
        {
            errorsJson[kind] = count;
        }

        return new JsonObject
        {
            ["replicas"] = cluster.Replicas.Count,
            ["rate"] = rate,
            ["minutes"] = Summary.Round(Stopwatch.GetElapsedTime(started).TotalMinutes, 1),
            ["requests"] = requests,
            ["errors"] = errorsJson,
            ["rssSlopeMbPerHour"] = Slopes(steady, s => s.Rss),
            ["handleSlopePerHour"] = Slopes(steady, s => [.. s.Handles.Select(h => (double)h)]),
            ["threadSlopePerHour"] = Slopes(steady, s => [.. s.Threads.Select(h => (double)h)]),
            ["windows"] = windows,
        };
    }

    private static JsonArray Slopes(List<(double Minutes, double[] Rss, int[] Handles, int[] Threads)> samples, Func<(double Minutes, double[] Rss, int[] Handles, int[] Threads), double[]> pick)
    {
        var slopes = new JsonArray();
        if (samples.Count < 2)
        {
            return slopes;
        }

        for (var r = 0; r < pick(samples[0]).Length; r++)
        {
            var xs = samples.Select(s => s.Minutes / 60).ToArray();
            var ys = samples.Select(s => pick(s)[r]).ToArray();
            var (mx, my) = (xs.Average(), ys.Average());
            var slope = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / Math.Max(1e-12, xs.Sum(x => (x - mx) * (x - mx)));
            slopes.Add(Summary.Round(slope, 2));
        }

        return slopes;
    }
}
