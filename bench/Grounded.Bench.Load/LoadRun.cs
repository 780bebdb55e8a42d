using System.Diagnostics;
using System.Text.Json.Nodes;
using Grounded.Bench.Load.Rig;
using Grounded.Bench.Load.Traffic;

namespace Grounded.Bench.Load;

/// <summary>
/// <c>load</c>: the mix at a constant arrival rate against N replicas; reports throughput, latency percentiles, errors by
/// kind, each replica's memory, and the CPU each part of the system used per request (the bottleneck).
/// </summary>
internal sealed class LoadRun(Cluster cluster, HttpClient client, Action<string> say)
{
    /// <summary>Sends every warm request once, so that the hit share of the mix finds them cached.</summary>
    public async Task WarmCacheAsync()
    {
        var replica = cluster.Replicas[0].Url;
        foreach (var kind in new[] { Kind.Chat, Kind.ChatStream, Kind.AskWithModel })
        {
            await Task.WhenAll(Enumerable.Range(0, Mix.WarmSetSize).Select(async w =>
            {
                using var response = await client.SendAsync(Mix.Build(replica, kind, w, 0));
                await response.Content.ReadAsByteArrayAsync();
            }));
        }
    }

    public async Task<JsonObject> RunAsync(int rate, TimeSpan duration, double hitRate, TimeSpan warmup, IReadOnlyDictionary<Kind, int>? weights = null)
    {
        await using var balancer = new Balancer(cluster.Replicas, healthChecks: false);
        var generator = new Generator(client, balancer);
        if (warmup > TimeSpan.Zero)
        {
            say($"warming up for {warmup.TotalSeconds:0} s at {rate} requests/s");
            var mixWarm = new Mix(hitRate, weights ?? Mix.DefaultWeights, seed: 7);
            await generator.RunAsync(rate, warmup, _ => Plan(mixWarm));
        }

        var before = Cpu();
        var mix = new Mix(hitRate, weights ?? Mix.DefaultWeights);
        say($"measuring for {duration.TotalSeconds:0} s at {rate} requests/s, cache hit share {hitRate:0.##}, {cluster.Replicas.Count} replicas");
        var started = Stopwatch.GetTimestamp();
        var outcomes = await generator.RunAsync(rate, duration, _ => Plan(mix));
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = Cpu();
        var errors = Summary.Errors(outcomes);
        var cpu = new JsonObject();
        var perRequest = new JsonObject();
        foreach (var (part, seconds) in after)
        {
            var used = seconds - before[part];
            cpu[part] = Summary.Round(used, 2);
            perRequest[part] = Summary.Round(used * 1000 / Math.Max(1, outcomes.Count), 2);
        }

        var errorsJson = new JsonObject();
        foreach (var (kind, count) in errors)
        {
            errorsJson[kind] = count;
        }

        return new JsonObject
        {
            ["replicas"] = cluster.Replicas.Count,
            ["rate"] = rate,
            ["seconds"] = duration.TotalSeconds,
            ["requests"] = outcomes.Count,
            ["achievedRps"] = Summary.Round(Summary.AchievedRps(outcomes), 1),
            ["p50Ms"] = Summary.Round(Summary.P(outcomes, 0.50)),
            ["p95Ms"] = Summary.Round(Summary.P(outcomes, 0.95)),
            ["p99Ms"] = Summary.Round(Summary.P(outcomes, 0.99)),
            ["senderLagP99Ms"] = Summary.Round(Summary.Percentile(outcomes.Select(o => (o.SentS - o.DueS) * 1000), 0.99)),
            ["errors"] = errorsJson,
            ["errorSamples"] = new JsonArray([.. outcomes.Where(o => !o.Ok).GroupBy(o => o.Error).Select(g => (JsonNode)$"{g.Key} ({Summary.Name(g.First().Kind)}): {g.First().Detail}")]),
            ["cacheHitShare"] = hitRate,
            ["cacheHitRate"] = Summary.Round(Summary.CacheHitRate(outcomes), 3),
            ["replicaRssMb"] = new JsonArray([.. cluster.Replicas.Select(r => (JsonNode)Summary.Round(r.RssMb()))]),
            ["replicaPeakRssMb"] = new JsonArray([.. cluster.Replicas.Select(r => (JsonNode)Summary.Round(r.PeakRssMb()))]),
            ["cpuSeconds"] = cpu,
            ["cpuMsPerRequest"] = perRequest,
            ["cpuUtilisation"] = Summary.Round(after.Values.Sum() - before.Values.Sum() is var total ? total / wall / Environment.ProcessorCount : 0, 3),
            ["mix"] = string.Join(',', (weights ?? Mix.DefaultWeights).Select(w => $"{Summary.Name(w.Key)}={w.Value}")),
            ["kinds"] = Summary.Kinds(outcomes),
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
        };
    }

    /// <summary>CPU seconds per second each part uses with no traffic at all (timers, pools, PostgreSQL's background workers).</summary>
    public async Task<Dictionary<string, double>> IdleCpuAsync(TimeSpan duration)
    {
        var before = Cpu();
        await Task.Delay(duration);
        var after = Cpu();
        return after.ToDictionary(p => p.Key, p => (p.Value - before[p.Key]) / duration.TotalSeconds);
    }

    /// <summary>Plans the mix's next request (shared by every verb that sends the mix).</summary>
    public static Planned Plan(Mix mix)
    {
        var (kind, warm, unique) = mix.Next();
        return new Planned(kind, url => Mix.Build(url, kind, warm, unique));
    }

    /// <summary>CPU seconds used so far by the replicas, PostgreSQL, Redis, and this process (load generator and scripted providers).</summary>
    private Dictionary<string, double> Cpu() => new()
    {
        ["replicas"] = cluster.Replicas.Sum(r => r.CpuSeconds()),
        ["postgres"] = cluster.Services.PostgresCpuSeconds(),
        ["redis"] = cluster.Services.RedisCpuSeconds(),
        ["rig"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
    };
}
