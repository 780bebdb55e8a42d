using Grounded.Bench.Load.Rig;
using Grounded.Bench.Load.Traffic;

namespace Grounded.Bench.Load.Chaos;

/// <summary>
/// PostgreSQL stops for 4 s under load (questions, uploads, chat) and starts again. Requests that need the store fail
/// clearly meanwhile (503 problem+json, never a 500 or a hang); afterwards every request succeeds without a restart of
/// Grounded, and no document is half-written: every document has all its chunks, every chunk its vectors, and every upload
/// that was acknowledged is there.
/// </summary>
internal sealed class PostgresRestart : Fault
{
    public override string Name => "postgres-restart";

    public override string Expected => "while PostgreSQL is down, requests needing the store fail clearly and fast (503 within 10 s, no 500, no hang); after it restarts every request succeeds without restarting Grounded; no half-written document; every acknowledged upload is stored";

    public override async Task<(string Observed, bool Passed)> RunAsync(ChaosContext context)
    {
        var cluster = context.Cluster;
        var kinds = new[] { Kind.Ask, Kind.Upload, Kind.Chat, Kind.Upload, Kind.Embeddings };
        var outcomes = await context.UnderLoadAsync(8, TimeSpan.FromSeconds(16), ChaosContext.Uncached(kinds), async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            context.Say("postgres-restart: stopping PostgreSQL");
            await cluster.Services.DownAsync("postgres");
            await Task.Delay(TimeSpan.FromSeconds(4));
            await cluster.Services.UpAsync();
            context.Say("postgres-restart: PostgreSQL is back");
        });
        var unclear = outcomes.Where(o => !o.Ok && !(o.Error == "http_503" && o.Detail?.Contains("\"status\":503", StringComparison.Ordinal) == true)).ToList();
        var slow = outcomes.Where(o => !o.Ok && o.LatencyMs > 10_000).ToList(); // a failure must be quick to tell; a success may queue

        // Recovery: the same replicas, not restarted, serve every kind again.
        await context.SettleAsync(TimeSpan.FromSeconds(30));
        var recovery = await context.UnderLoadAsync(8, TimeSpan.FromSeconds(5), ChaosContext.Uncached(kinds), () => Task.CompletedTask);
        var acknowledged = outcomes.Concat(recovery).Count(o => o.Kind == Kind.Upload && o.Ok);
        var stored = await Services.ScalarAsync(cluster.StoreUrl, "select count(*) from documents where full_path like 'upload:load-note-%'");
        var halfWritten = await Services.ScalarAsync(cluster.StoreUrl, "select count(*) from documents d where d.chunk_count <> (select count(*) from chunks c where c.document_id = d.id)");
        var noVectors = await Services.ScalarAsync(cluster.StoreUrl, "select count(*) from chunks c where not exists (select 1 from chunk_vectors v where v.content_hash = c.content_hash)");
        var observed = $"{outcomes.Count} requests: errors {ChaosContext.Errors(outcomes)}; unclear failures {unclear.Count}{(unclear.Count > 0 ? $" (e.g. {unclear[0].Error} {Summary.Name(unclear[0].Kind)}: {unclear[0].Detail})" : "")}; " +
            $"failures slower than 10 s: {slow.Count}{string.Concat(slow.Take(3).Select(o => $" ({Summary.Name(o.Kind)} sent at {o.SentS:0.0} s, {o.LatencyMs / 1000:0.0} s, {o.Error ?? "ok"})"))}; after restart: {recovery.Count} requests, errors {ChaosContext.Errors(recovery)}; uploads acknowledged {acknowledged}, stored {stored}; documents missing chunks {halfWritten}; chunks without vectors {noVectors}";
        var passed = unclear.Count == 0 && slow.Count == 0 && recovery.All(o => o.Ok) && stored >= acknowledged && halfWritten == 0 && noVectors == 0;
        return (observed, passed);
    }
}
