using System.Diagnostics;

namespace Grounded.Bench.Gateway;

/// <summary>
/// The steady-rate part of a run: each round sends the same load along every target in turn (direct, then each
/// gateway build), non-streaming and then streaming, so that noise from elsewhere on the machine falls on all paths of
/// that round and their per-round differences share it.
/// </summary>
internal sealed class Rounds(OpenLoop load, IReadOnlyList<Target> targets)
{
    public Dictionary<string, List<Phase>> Results { get; } = [];

    public Dictionary<string, ServerLoad> Servers { get; } = [];

    /// <summary>Records each server's idle RSS (before any request), then warms up JIT tiers and connection pools on every path.</summary>
    public async Task WarmUpAsync(int rate, TimeSpan seconds)
    {
        foreach (var target in targets.Where(t => t.Server is not null))
        {
            Servers[target.Name] = new ServerLoad(target.Server!.Memory().Rss);
        }

        foreach (var target in targets)
        {
            await load.RunAsync(target.Name, target.Url, target.Body(false), false, rate, seconds);
            await load.RunAsync(target.Name, target.Url, target.Body(true), true, rate / 2, seconds);
        }
    }

    public async Task RunAsync(int rounds, int rate, TimeSpan seconds)
    {
        for (var r = 0; r < rounds; r++)
        {
            foreach (var stream in new[] { false, true })
            {
                foreach (var target in targets)
                {
                    Add(target.Key(stream), await RunPhaseAsync(target, stream, rate, seconds));
                }
            }
        }
    }

    private async Task<Phase> RunPhaseAsync(Target target, bool stream, int rate, TimeSpan seconds)
    {
        if (target.Server is not { } server)
        {
            return await load.RunAsync(target.Name, target.Url, target.Body(stream), stream, rate, seconds);
        }

        var stats = Servers[target.Name];
        using var sampler = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!sampler.IsCancellationRequested)
            {
                stats.PeakRss = Math.Max(stats.PeakRss, server.Memory().Rss);
                await Task.Delay(250).ConfigureAwait(false);
            }
        });
        var clock = Stopwatch.StartNew();
        var cpu = server.CpuTime;
        var phase = await load.RunAsync(target.Name, target.Url, target.Body(stream), stream, rate, seconds);
        if (!stream)
        {
            // CPU is read over the non-streaming phases only, as in the earlier single-build runs.
            stats.Elapsed += clock.Elapsed;
            stats.Cpu += server.CpuTime - cpu;
            stats.Requests += phase.Sent;
        }

        await sampler.CancelAsync();
        await sampling;
        return phase;
    }

    private void Add(string key, Phase phase)
    {
        if (!Results.TryGetValue(key, out var list))
        {
            Results[key] = list = [];
        }

        list.Add(phase);
    }
}
