using System.Diagnostics;
using System.Text.Json.Nodes;
using Grounded.Bench.Load.Rig;

namespace Grounded.Bench.Load.Chaos;

/// <summary>
/// <c>chaos</c>: one cluster of two replicas, then each fault in turn under load, each with its expected outcome
/// asserted. The order keeps faults independent: the store gets API keys (which every later request would need) only in
/// the Redis fault, which runs last among those that use the replicas.
/// </summary>
internal sealed class ChaosRun(string repository, string cli, HttpClient client, Action<string> say)
{
    public static readonly RigOptions Options = new()
    {
        ExtraConfig = RedisRestart.Config + "\nserver: { shutdownDelay: 5s, drainTimeout: 20s }\n",
    };

    public async Task<JsonNode> RunAsync(IReadOnlyCollection<string> only)
    {
        Fault[] faults = [.. ProviderFault.All(), new ReplicaCrash(), new RollingRestart(), new PostgresRestart(), new RedisRestart(), new IngestKill()];
        var unknown = only.Except(faults.Select(f => f.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"unknown fault {string.Join(", ", unknown)}; the faults are {string.Join(", ", faults.Select(f => f.Name))}");
        }

        await using var cluster = await Cluster.StartAsync(repository, cli, 2, Options, say);
        var context = new ChaosContext(cluster, client, Options, say);
        await WarmAsync(cluster);
        var results = new JsonArray();
        foreach (var fault in faults.Where(f => only.Count == 0 || only.Contains(f.Name)))
        {
            say($"{fault.Name}: {fault.Expected}");
            var clock = Stopwatch.StartNew();
            string observed;
            bool passed;
            try
            {
                (observed, passed) = await fault.RunAsync(context);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException or Npgsql.NpgsqlException)
            {
                (observed, passed) = ($"the fault could not be run to its end: {e.Message}", false);
            }

            say($"{fault.Name}: {(passed ? "passed" : "FAILED")} in {clock.Elapsed.TotalSeconds:0} s: {observed}");
            results.Add(new JsonObject { ["fault"] = fault.Name, ["expected"] = fault.Expected, ["observed"] = observed, ["passed"] = passed, ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds) });
            foreach (var replica in cluster.Replicas.Where(r => !r.Running))
            {
                await replica.StartAsync(); // a fault that failed half-way leaves the next one a whole cluster
            }

            cluster.HealProviders(Options);
        }

        return results;
    }

    // One request of each kind to each replica first: the first question loads the reranker and answer models, the first
    // requests compile the code; a fault's load should not pay for that.
    private async Task WarmAsync(Cluster cluster)
    {
        say("warming each replica with one request of each kind");
        foreach (var replica in cluster.Replicas)
        {
            foreach (var kind in Enum.GetValues<Traffic.Kind>())
            {
                using var request = Traffic.Mix.Build(replica.Url, kind, null, DateTime.UtcNow.Ticks);
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
            }
        }
    }
}
