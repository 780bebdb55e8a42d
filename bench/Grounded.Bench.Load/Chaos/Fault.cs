using System.Text.Json.Nodes;
using Grounded.Bench.Load.Rig;
using Grounded.Bench.Load.Traffic;

namespace Grounded.Bench.Load.Chaos;

/// <summary>One fault injected under load, with the outcome it must have.</summary>
internal abstract class Fault
{
    public abstract string Name { get; }

    public abstract string Expected { get; }

    /// <summary>Injects the fault, measures, and says what was observed and whether it is what was expected.</summary>
    public abstract Task<(string Observed, bool Passed)> RunAsync(ChaosContext context);
}

/// <summary>What a fault works with: the running cluster, a client, and the rig's options to restore after it.</summary>
internal sealed record ChaosContext(Cluster Cluster, HttpClient Client, RigOptions Options, Action<string> Say)
{
    /// <summary>Gets the time since the current load began (its requests' <see cref="Outcome.SentS"/> count from the same moment, give or take 20 ms).</summary>
    public System.Diagnostics.Stopwatch LoadClock { get; } = new();

    /// <summary>Runs <paramref name="plan"/> at <paramref name="rate"/> for <paramref name="duration"/> while <paramref name="during"/> runs (it starts with the load).</summary>
    public async Task<IReadOnlyList<Outcome>> UnderLoadAsync(int rate, TimeSpan duration, Func<long, Planned> plan, Func<Task> during, bool healthChecks = false)
    {
        await using var balancer = new Balancer(Cluster.Replicas, healthChecks);
        LoadClock.Restart();
        var load = new Generator(Client, balancer).RunAsync(rate, duration, plan);
        await during();
        return await load;
    }

    /// <summary>Plans the model-calling part of the mix with no cache hits: every request reaches a provider.</summary>
    public static Func<long, Planned> Uncached(params Kind[] kinds) => i =>
    {
        var kind = kinds[(int)(i % kinds.Length)];
        var unique = (DateTime.UtcNow.Ticks / 1000) + i;
        return new Planned(kind, url => Mix.Build(url, kind, null, unique));
    };

    /// <summary>Waits until every running replica is ready and its providers' circuits are closed (after a provider fault).</summary>
    public async Task SettleAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var last = string.Empty;
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (DateTime.UtcNow < deadline)
        {
            var settled = true;
            foreach (var replica in Cluster.Replicas.Where(r => r.Running))
            {
                try
                {
                    // A circuit closes only after a probe call succeeds: send one, as traffic would.
                    using var call = Mix.JsonPost(replica.Url, "/v1/chat/completions", Mix.Chat($"settle {DateTime.UtcNow.Ticks}", stream: false));
                    using var _ = await probe.SendAsync(call);
                    var body = await probe.GetStringAsync(new Uri(replica.Url, "/readyz"));
                    last = $"replica {replica.Index}: {body}";
                    settled &= JsonNode.Parse(body)?["circuits"]?.AsObject().All(c => c.Value?.GetValue<string>() == "closed") == true;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    last = $"replica {replica.Index}: {e.Message}";
                    settled = false;
                }
            }

            if (settled)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the replicas did not settle (ready, circuits closed) within {within.TotalSeconds:0} s; last: {last}");
    }

    /// <summary>Errors by kind, each with the request kinds it hit and the first response's words (what the client was told).</summary>
    public static string Errors(IEnumerable<Outcome> outcomes)
    {
        var failed = outcomes.Where(o => !o.Ok).GroupBy(o => o.Error!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return failed.Count == 0 ? "none" : string.Join(", ", failed.Select(g =>
            $"{g.Key} {g.Count()} ({string.Join('/', g.Select(o => Summary.Name(o.Kind)).Distinct())}{(g.First().Detail is { Length: > 0 } d ? ": " + Told(d) : "")})"));
    }

    // The detail of a problem+json or OpenAI error body, else the start of the text.
    private static string Told(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            return (node?["detail"] ?? node?["error"]?["message"])?.GetValue<string>() ?? body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body.Length > 120 ? body[..120] : body;
        }
    }
}
