using Grounded.Bench.Load.Traffic;

namespace Grounded.Bench.Load.Chaos;

/// <summary>
/// A rolling restart under load: each replica in turn gets SIGTERM, exits once it has drained, and starts again; the
/// balancer health-checks /readyz every 250 ms. The replica's /readyz turns 503 at once while it keeps serving for
/// <c>server.shutdownDelay</c>, so the balancer takes it out before it stops accepting: no request may fail.
/// </summary>
internal sealed class RollingRestart : Fault
{
    public override string Name => "rolling-restart";

    public override string Expected => "each replica in turn gets SIGTERM, drains and restarts while the load goes on through a balancer that polls /readyz: no request fails, streams included";

    public override async Task<(string Observed, bool Passed)> RunAsync(ChaosContext context)
    {
        var cluster = context.Cluster;
        var exits = new List<string>();
        var outcomes = await context.UnderLoadAsync(10, TimeSpan.FromSeconds(45), ChaosContext.Uncached(Kind.Chat, Kind.ChatStream, Kind.Ask, Kind.Embeddings), async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            foreach (var replica in cluster.Replicas)
            {
                var started = DateTime.UtcNow;
                context.Say($"rolling-restart: SIGTERM to replica {replica.Index}");
                replica.Terminate();
                var exited = await replica.WaitForExitAsync(TimeSpan.FromSeconds(40));
                exits.Add($"replica {replica.Index} {(exited ? $"exited after {(DateTime.UtcNow - started).TotalSeconds:0.0} s" : "did not exit in 40 s")}");
                if (!exited)
                {
                    replica.Kill();
                }

                await replica.StartAsync();
                await Task.Delay(TimeSpan.FromSeconds(2)); // the balancer's next health check puts it back
            }
        }, healthChecks: true);
        var observed = $"{outcomes.Count} requests, errors: {ChaosContext.Errors(outcomes)}; {string.Join(", ", exits)}; p99 {Summary.F(Summary.P(outcomes, 0.99), "0")} ms";
        return (observed, outcomes.All(o => o.Ok) && exits.All(e => e.Contains("exited", StringComparison.Ordinal)));
    }
}
