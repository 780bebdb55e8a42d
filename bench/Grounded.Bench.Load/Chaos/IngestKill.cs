using System.Diagnostics;
using System.Text.Json.Nodes;
using Grounded.Bench.Load.Rig;
using Microsoft.Data.Sqlite;

namespace Grounded.Bench.Load.Chaos;

/// <summary>
/// <c>grounded ingest</c> of 240 files is killed with SIGKILL part-way, on a PostgreSQL store and on an embedded store
/// whose approximate (HNSW) index is on. The store must reopen consistent (every document with all its chunks, every chunk
/// with its vectors), a second ingest must complete it, and on the embedded store searches through the HNSW index must
/// return the same chunks as the exact scan, after the kill and after the second ingest: the index caught up.
/// </summary>
internal sealed class IngestKill : Fault
{
    private const int Files = 240;

    public override string Name => "ingest-killed";

    public override string Expected => $"grounded ingest of {Files} files killed (SIGKILL) part-way: the store reopens consistent (no document without its chunks, no chunk without vectors), a second ingest completes it, and HNSW searches agree with the exact scan (at least 80% of the top 5) and find what was written after the kill (the ANN index caught up)";

    public override async Task<(string Observed, bool Passed)> RunAsync(ChaosContext context)
    {
        var cluster = context.Cluster;
        var corpus = Path.Combine(cluster.Work, "ingest-corpus");
        WriteCorpus(corpus);
        var pg = await PostgresAsync(context, corpus);
        var embedded = await EmbeddedAsync(context, corpus);
        return ($"PostgreSQL: {pg.Observed}; embedded: {embedded.Observed}", pg.Passed && embedded.Passed);
    }

    private static async Task<(string Observed, bool Passed)> PostgresAsync(ChaosContext context, string corpus)
    {
        var cluster = context.Cluster;
        var database = cluster.Database + "_ingest";
        var store = await cluster.Services.CreateDatabaseAsync(database);
        try
        {
            var killedAt = await KillPartWayAsync(cluster, corpus, store, () => Services.ScalarAsync(store, "select count(*) from documents"));
            var (documents, halfWritten, noVectors) = await CheckPostgresAsync(store);
            var status = await cluster.RunCliAsync(TimeSpan.FromMinutes(2), "status", "--store", store, "--json");
            var again = await cluster.RunCliAsync(TimeSpan.FromMinutes(10), "ingest", corpus, "--store", store, "--json");
            var (final, finalHalf, finalNoVectors) = await CheckPostgresAsync(store);
            var observed = $"killed with {killedAt} documents committed; reopened with {documents} documents, {halfWritten} missing chunks, {noVectors} chunks without vectors, status exit {status.ExitCode}; " +
                $"second ingest exit {again.ExitCode}: {final} documents, {finalHalf} missing chunks, {finalNoVectors} chunks without vectors";
            return (observed, killedAt is > 0 and < Files && halfWritten == 0 && noVectors == 0 && status.ExitCode == 0 && again.ExitCode == 0 && final == Files && finalHalf == 0 && finalNoVectors == 0);
        }
        finally
        {
            await cluster.Services.DropDatabaseAsync(database);
        }
    }

    private static async Task<(string Observed, bool Passed)> EmbeddedAsync(ChaosContext context, string corpus)
    {
        var cluster = context.Cluster;
        var store = Path.Combine(cluster.Work, "embedded-store");
        var ann = Path.Combine(cluster.Work, "ann.yaml");
        var exact = Path.Combine(cluster.Work, "exact.yaml");
        await File.WriteAllTextAsync(ann, "rag: { ann: { enabled: true, minVectors: 50 } }\n");
        await File.WriteAllTextAsync(exact, "rag: { ann: { enabled: false } }\n");
        var killedAt = await KillPartWayAsync(cluster, corpus, store, () => SqliteCountAsync(store), ann);
        var afterKill = await CompareAsync(cluster, store, ann, exact, killedAt);
        var again = await RunAsync(cluster, ["ingest", corpus, "--json"], store, ann);
        var afterIngest = await CompareAsync(cluster, store, ann, exact, killedAt);
        var documents = await SqliteCountAsync(store);
        var observed = $"killed with {killedAt} documents committed; after the kill HNSW searches found {afterKill.Overlap:P0} of the exact top 5; " +
            $"second ingest exit {again}: {documents} documents, HNSW searches found {afterIngest.Overlap:P0} of the exact top 5, {afterIngest.FromNew} of their {Queries.Length * 5} results from documents written after the kill";
        // The index is approximate: it must agree with the exact scan as it does on any store (at least 80% of the top 5), and
        // hold what the second ingest wrote.
        return (observed, killedAt is > 0 and < Files && afterKill.Overlap >= 0.8 && again == 0 && documents == Files && afterIngest.Overlap >= 0.8 && afterIngest.FromNew > 0);
    }

    /// <summary>Starts the ingest, waits until at least a fifth of the files are committed, and kills it; returns how many were committed then.</summary>
    private static async Task<long> KillPartWayAsync(Cluster cluster, string corpus, string store, Func<Task<long>> count, string? config = null)
    {
        using var ingest = cluster.StartCli(["ingest", corpus, "--json"], store, config);
        _ = ingest.StandardOutput.ReadToEndAsync();
        _ = ingest.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        long committed = 0;
        while (!ingest.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            try
            {
                committed = await count();
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or SqliteException)
            {
                committed = 0; // the store's tables may not exist yet
            }

            if (committed >= Files / 5)
            {
                break;
            }

            await Task.Delay(100);
        }

        ingest.Kill(); // SIGKILL
        await ingest.WaitForExitAsync();
        return committed;
    }

    private static async Task<(long Documents, long HalfWritten, long NoVectors)> CheckPostgresAsync(string store) => (
        await Services.ScalarAsync(store, "select count(*) from documents"),
        await Services.ScalarAsync(store, "select count(*) from documents d where d.chunk_count <> (select count(*) from chunks c where c.document_id = d.id)"),
        await Services.ScalarAsync(store, "select count(*) from chunks c where not exists (select 1 from chunk_vectors v where v.content_hash = c.content_hash)"));

    private static async Task<long> SqliteCountAsync(string store)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(store, "grounded.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "select count(*) from documents";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static readonly string[] Queries = ["retry backoff provider", "budget tenant replica", "vector index chunk", "stream token latency", "citation evidence answer"];

    /// <summary>
    /// Searches through the HNSW index and by the exact scan: returns their mean top-5 overlap and how many of the index's
    /// results come from documents numbered <paramref name="newFrom"/> or later (written after the kill: the index holds them).
    /// </summary>
    private static async Task<(double Overlap, int FromNew)> CompareAsync(Cluster cluster, string store, string ann, string exact, long newFrom)
    {
        var (overlap, fromNew) = (0.0, 0);
        foreach (var query in Queries)
        {
            var a = await SearchAsync(cluster, store, ann, query);
            var b = await SearchAsync(cluster, store, exact, query);
            overlap += b.Count == 0 ? 0 : a.Select(r => r.Chunk).Intersect(b.Select(r => r.Chunk)).Count() / (double)b.Count;
            fromNew += a.Count(r => int.TryParse(Path.GetFileNameWithoutExtension(r.Source).Replace("note-", "", StringComparison.Ordinal), out var n) && n >= newFrom);
        }

        return (overlap / Queries.Length, fromNew);
    }

    private static async Task<List<(string Chunk, string Source)>> SearchAsync(Cluster cluster, string store, string config, string query)
    {
        using var process = cluster.StartCli(["search", query, "--mode", "dense", "--top-k", "5", "--json"], store, config);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var root = JsonNode.Parse(output);
        var results = root as JsonArray ?? root?["results"]?.AsArray() ?? [];
        return [.. results.Select(r => (r?["chunkId"]?.GetValue<string>() ?? string.Empty, r?["source"]?.GetValue<string>() ?? string.Empty))];
    }

    private static async Task<int> RunAsync(Cluster cluster, string[] arguments, string store, string config)
    {
        using var process = cluster.StartCli(arguments, store, config);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static void WriteCorpus(string directory)
    {
        Directory.CreateDirectory(directory);
        string[] words = "gateway retry budget tenant replica index vector chunk answer citation cache model stream token latency provider store query document evidence failover circuit breaker jitter backoff".Split(' ');
        var random = new Random(18);
        for (var i = 0; i < Files; i++)
        {
            var sections = Enumerable.Range(0, 3).Select(s => $"## Section {s}\n\n" + string.Join(' ', Enumerable.Range(0, 120).Select(_ => words[random.Next(words.Length)])) + $" note{i}s{s}.");
            File.WriteAllText(Path.Combine(directory, $"note-{i:000}.md"), $"# Note {i}\n\n{string.Join("\n\n", sections)}\n");
        }
    }
}
