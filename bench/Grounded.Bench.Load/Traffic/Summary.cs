using System.Globalization;
using System.Text.Json.Nodes;

namespace Grounded.Bench.Load.Traffic;

/// <summary>Throughput, latency percentiles and errors by kind, from a phase's outcomes.</summary>
internal static class Summary
{
    /// <summary>Successful requests per second over the phase: from the first due time to the last completion.</summary>
    public static double AchievedRps(IReadOnlyList<Outcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return 0;
        }

        var span = outcomes.Max(o => o.EndS) - outcomes.Min(o => o.DueS);
        return outcomes.Count(o => o.Ok) / Math.Max(span, 1e-9);
    }

    public static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double P(IReadOnlyList<Outcome> outcomes, double q) => Percentile(outcomes.Where(o => o.Ok).Select(o => o.LatencyMs), q);

    public static SortedDictionary<string, int> Errors(IEnumerable<Outcome> outcomes) =>
        new(outcomes.Where(o => !o.Ok).GroupBy(o => o.Error!).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    public static string Name(Kind kind) => kind switch
    {
        Kind.Chat => "chat",
        Kind.ChatStream => "chat-stream",
        Kind.AskWithModel => "ask-model",
        Kind.Ask => "ask",
        Kind.Embeddings => "embeddings",
        Kind.Upload => "upload",
        _ => kind.ToString(),
    };

    /// <summary>Per kind: count, errors, p50/p95/p99 and, for streams, time to first token.</summary>
    public static JsonObject Kinds(IReadOnlyList<Outcome> outcomes)
    {
        var kinds = new JsonObject();
        foreach (var group in outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key))
        {
            var list = group.ToList();
            var kind = new JsonObject
            {
                ["count"] = list.Count,
                ["errors"] = list.Count(o => !o.Ok),
                ["p50Ms"] = Round(P(list, 0.50)),
                ["p95Ms"] = Round(P(list, 0.95)),
                ["p99Ms"] = Round(P(list, 0.99)),
            };
            if (Mix.CallsModel(group.Key))
            {
                var cache = new JsonObject();
                foreach (var served in list.Where(o => o.Ok).GroupBy(o => o.Cache ?? "none").OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    cache[served.Key] = served.Count();
                }

                kind["cache"] = cache;
            }

            if (group.Key == Kind.ChatStream)
            {
                kind["ttftP50Ms"] = Round(Percentile(list.Where(o => o.Ok).Select(o => o.FirstTokenMs), 0.5));
            }

            kinds[Name(group.Key)] = kind;
        }

        return kinds;
    }

    /// <summary>The share of model-calling requests the exact cache answered, as the responses' x-grounded-cache header says.</summary>
    public static double CacheHitRate(IReadOnlyList<Outcome> outcomes)
    {
        var cacheable = outcomes.Where(o => o.Ok && Mix.CallsModel(o.Kind) && o.Cache is not null).ToList();
        return cacheable.Count == 0 ? 0 : cacheable.Count(o => o.Cache is "exact" or "semantic") / (double)cacheable.Count;
    }

    public static double Round(double value, int digits = 1) => double.IsNaN(value) ? -1 : Math.Round(value, digits);

    public static string F(double value, string format = "0.0") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>One line for progress output: achieved rate, percentiles, errors.</summary>
    public static string Line(IReadOnlyList<Outcome> outcomes) =>
        $"{AchievedRps(outcomes):0.0}/s, p50 {F(P(outcomes, 0.5))} ms, p99 {F(P(outcomes, 0.99))} ms, {outcomes.Count(o => !o.Ok)} errors";
}
