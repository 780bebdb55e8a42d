using System.Diagnostics;
using Grounded.Bench.Load.Traffic;

namespace Grounded.Bench.Load.Chaos;

/// <summary>
/// Replica 0 is killed with SIGKILL while 8 streamed answers run on it and 8 on replica 1, under load through a balancer
/// that health-checks /readyz. Every stream on the killed replica must end in an error the client sees (a closed connection
/// or an error event), never a clean end without [DONE]; the other replica's streams complete; once the balancer has taken
/// the dead replica out, every request succeeds; the replica then starts again and rejoins.
/// </summary>
internal sealed class ReplicaCrash : Fault
{
    public override string Name => "replica-sigkill-midstream";

    public override string Expected => "streams on the killed replica end with a visible error (closed connection or error event), never a silent truncation; streams on the other replica complete; requests sent from 1 s after the kill all succeed; the replica restarts and rejoins";

    public override async Task<(string Observed, bool Passed)> RunAsync(ChaosContext context)
    {
        var cluster = context.Cluster;
        var (victim, survivor) = (cluster.Replicas[0], cluster.Replicas[1]);
        foreach (var upstream in new[] { cluster.Primary, cluster.Fallback })
        {
            upstream.TokenInterval = TimeSpan.FromMilliseconds(100); // a 4-second answer: long enough to be cut
        }

        var streams = new List<Task<Outcome>>();
        double killedAt = 0;
        var outcomes = await context.UnderLoadAsync(10, TimeSpan.FromSeconds(10), ChaosContext.Uncached(Kind.Embeddings, Kind.Ask, Kind.Upload), async () =>
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 8; i++)
            {
                streams.Add(StreamAsync(context, victim.Index, i));
                streams.Add(StreamAsync(context, survivor.Index, i));
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            killedAt = clock.Elapsed.TotalSeconds;
            context.Say("replica-sigkill-midstream: SIGKILL to replica 0");
            victim.Kill();
            await victim.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }, healthChecks: true);
        var finished = await Task.WhenAll(streams);
        cluster.HealProviders(context.Options);

        var onVictim = finished.Where(o => o.Replica == victim.Index).ToList();
        var onSurvivor = finished.Where(o => o.Replica == survivor.Index).ToList();
        var visible = onVictim.Count(o => o.Error is "connection_closed" or "stream_error" or "connection_refused");
        var silent = onVictim.Count(o => o.Error == "stream_truncated");
        var late = outcomes.Where(o => o.SentS >= killedAt + 1).ToList();
        await victim.StartAsync();
        var rejoined = await victim.IsReadyAsync(context.Client);
        var observed = $"killed at {killedAt:0.0} s: {visible} of {onVictim.Count} streams on it ended with a visible error ({ChaosContext.Errors(onVictim)}), {silent} silently truncated; " +
            $"{onSurvivor.Count(o => o.Ok)} of {onSurvivor.Count} on the other replica completed; from 1 s after the kill {late.Count} requests, errors {ChaosContext.Errors(late)}; " +
            $"before that, errors {ChaosContext.Errors(outcomes.Except(late))}; restarted and ready again: {rejoined}";
        var passed = visible == onVictim.Count && silent == 0 && onSurvivor.All(o => o.Ok) && late.All(o => o.Ok) && rejoined;
        return (observed, passed);
    }

    private static async Task<Outcome> StreamAsync(ChaosContext context, int replica, int i)
    {
        await using var single = new Balancer([context.Cluster.Replicas[replica]], healthChecks: false);
        var unique = DateTime.UtcNow.Ticks + i;
        var result = await new Generator(context.Client, single).RunAsync(1, TimeSpan.FromSeconds(1), _ => new Planned(Kind.ChatStream, u => Mix.Build(u, Kind.ChatStream, null, unique)));
        return result[0];
    }
}
