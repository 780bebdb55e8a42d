namespace Grounded.Bench.Gateway;

/// <summary>Prints the steady-rate results: every path pooled, each round, and what each gateway build adds over direct.</summary>
internal static class Report
{
    public static void Print(Rounds run, IReadOnlyList<Target> targets, int rate, int rounds, TimeSpan seconds)
    {
        var results = run.Results;
        var gateways = targets.Where(t => t.Server is not null).ToArray();
        var direct = targets[0];
        var merged = results.ToDictionary(p => p.Key, p => Phase.Merge(p.Value));
        Line();
        Line($"## {rate} RPS, {rounds} rounds of {seconds.TotalSeconds:0} s per path, in turn: {string.Join(" → ", targets.Select(t => t.Name))}");
        Line("| path | requests | errors | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | sender lag p99 ms |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var stream in new[] { false, true })
        {
            foreach (var t in targets)
            {
                var p = merged[t.Key(stream)];
                Line($"| {t.Key(stream)} ({(stream ? "total " : "")}latency) | {p.Sent} | {p.Errors} | {p.P(0.5):0.00} | {p.P(0.9):0.00} | {p.P(0.99):0.00} | {p.P(0.999):0.00} | {p.P(1):0.00} | {p.Lag(0.99):0.00} |");
            }
        }

        foreach (var t in targets)
        {
            var p = merged[t.Key(true)];
            Line($"| {t.Key(true)} (time to first token) | {p.Sent} | {p.Errors} | {p.Ttft(0.5):0.00} | {p.Ttft(0.9):0.00} | {p.Ttft(0.99):0.00} | {p.Ttft(0.999):0.00} | {p.Ttft(1):0.00} | |");
        }

        // Per round: the paths ran back to back, so their difference within a round shares that round's noise; the
        // median over rounds of those differences resists the stalls other processes cause on a shared machine.
        foreach (var g in gateways)
        {
            Line();
            Line($"| round | direct p50 / p99 ms | {g.Name} p50 / p99 ms | added p50 / p99 ms | added TTFT p50 / p99 ms |");
            Line("|---:|---:|---:|---:|---:|");
            for (var r = 0; r < rounds; r++)
            {
                var (rd, rg) = (results[direct.Key(false)][r], results[g.Key(false)][r]);
                var (rds, rgs) = (results[direct.Key(true)][r], results[g.Key(true)][r]);
                Line($"| {r + 1} | {rd.P(0.5):0.00} / {rd.P(0.99):0.00} | {rg.P(0.5):0.00} / {rg.P(0.99):0.00} | {rg.P(0.5) - rd.P(0.5):0.00} / {rg.P(0.99) - rd.P(0.99):0.00} | {rgs.Ttft(0.5) - rds.Ttft(0.5):0.00} / {rgs.Ttft(0.99) - rds.Ttft(0.99):0.00} |");
            }
        }

        Line();
        Line($"| {rate} RPS | " + string.Join(" | ", gateways.Select(g => g.Name)) + " |");
        Line("|---|" + string.Concat(gateways.Select(_ => "---:|")));
        Row("added p50 / p99 ms, pooled", g => $"{merged[g.Key(false)].P(0.5) - merged[direct.Key(false)].P(0.5):0.00} / {merged[g.Key(false)].P(0.99) - merged[direct.Key(false)].P(0.99):0.00}");
        Row("added p50 / p99 ms, median of rounds", g => $"{MedianOfRounds(results, direct, g, false, 0.5):0.00} / {MedianOfRounds(results, direct, g, false, 0.99):0.00}");
        Row("added TTFT p50 / p99 ms, pooled", g => $"{merged[g.Key(true)].Ttft(0.5) - merged[direct.Key(true)].Ttft(0.5):0.00} / {merged[g.Key(true)].Ttft(0.99) - merged[direct.Key(true)].Ttft(0.99):0.00}");
        Row("added TTFT p50 / p99 ms, median of rounds", g => $"{MedianOfRounds(results, direct, g, true, 0.5):0.00} / {MedianOfRounds(results, direct, g, true, 0.99):0.00}");
        Row("quietest round's p99 ms (direct / gateway)", g => $"{results[direct.Key(false)].Min(x => x.P(0.99)):0.00} / {results[g.Key(false)].Min(x => x.P(0.99)):0.00}");
        Row("server RSS idle → peak MiB (VmHWM)", g => $"{run.Servers[g.Name].IdleRss:0} → {run.Servers[g.Name].PeakRss:0} ({g.Server!.Memory().Peak:0})");
        Row("server CPU, non-streaming phases", g => $"{run.Servers[g.Name].CpuPercent:0}% of one core");
        Row("server CPU per 1,000 requests, non-streaming phases", g => $"{run.Servers[g.Name].CpuMsPer1000:0} ms");
        if (gateways.Length == 2)
        {
            // The two builds head to head: each round's difference between them, free of the direct path's noise.
            var (a, b) = (gateways[0], gateways[1]);
            Line();
            Line($"{b.Name} − {a.Name}, median of rounds: p50 {MedianOfRounds(results, a, b, false, 0.5):0.00} ms, p99 {MedianOfRounds(results, a, b, false, 0.99):0.00} ms; TTFT p50 {MedianOfRounds(results, a, b, true, 0.5):0.00} ms, p99 {MedianOfRounds(results, a, b, true, 0.99):0.00} ms");
        }

        void Row(string figure, Func<Target, string> cell) => Line($"| {figure} | " + string.Join(" | ", gateways.Select(cell)) + " |");
    }

    /// <summary>Returns the median over rounds of (<paramref name="to"/> − <paramref name="from"/>) at quantile <paramref name="q"/>; TTFT when streaming.</summary>
    private static double MedianOfRounds(Dictionary<string, List<Phase>> results, Target from, Target to, bool stream, double q)
    {
        var (a, b) = (results[from.Key(stream)], results[to.Key(stream)]);
        return Phase.Percentile([.. a.Zip(b, (x, y) => stream ? y.Ttft(q) - x.Ttft(q) : y.P(q) - x.P(q))], 0.5);
    }

    private static void Line(string text = "") => Console.WriteLine(text);
}
