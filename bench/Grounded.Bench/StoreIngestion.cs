using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Postgres;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Bench;

/// <summary>
/// Ingestion throughput of the stores, embedding excluded: the same synthetic documents (chunks of ~200 words, each with
/// window vectors of 384 random unit floats, made before the clock starts) are written one document per transaction in
/// batches of 32, as the ingestion pipeline writes them, into the embedded SQLite store and into PostgreSQL (a fresh
/// database on the server given), and into PostgreSQL again without the HNSW index, built once after the load ("pg-bulk",
/// pgvector's advice for a first load). Then the same 200 random queries are searched on each (dense leg, top 10).
/// Options: --postgres URL (a server; a database is created and dropped), --documents N (1000), --chunks N per document (10),
/// --windows N per chunk (2), --dir DIR for the SQLite store (a temp folder).
/// </summary>
internal static class StoreIngestion
{
    private const int Dimensions = 384;
    private const int BatchSize = 32;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var server = options.Get("postgres") ?? Environment.GetEnvironmentVariable("GROUNDED_TEST_POSTGRES")
            ?? throw new ArgumentException("give --postgres postgres://USER@HOST:PORT/DB (a server to create a scratch database on)");
        var documents = options.GetInt("documents", 1000);
        var chunks = options.GetInt("chunks", 10);
        var windows = options.GetInt("windows", 2);
        var model = new EmbeddingModelProfile("bench-random-384", Dimensions, string.Empty, 512);
        var corpus = Make(documents, chunks, windows);
        Console.WriteLine($"{documents} documents x {chunks} chunks x {windows} windows of {Dimensions} floats = {documents * chunks:N0} chunks, {documents * chunks * windows:N0} vectors");

        var dir = options.Get("dir") ?? Path.Combine(Path.GetTempPath(), "grounded-bench-stores", Guid.NewGuid().ToString("N"));
        var database = "grounded_bench_" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var url = new UriBuilder(server) { Path = "/" + database }.Uri.ToString();
        try
        {
            var queries = Enumerable.Range(0, 200).Select(i => RandomUnit(new Random(1_000_000 + i))).ToList();
            await using (var sqlite = await SqliteChunkStore.OpenAsync(dir, model))
            {
                await MeasureAsync("sqlite", sqlite, corpus, queries);
            }

            await using (var postgres = await PostgresChunkStore.OpenAsync(url, model))
            {
                await MeasureAsync("postgres", postgres, corpus, queries);
            }

            // pgvector's advice for a first bulk load: insert without the HNSW index, then build it once.
            await ExecuteAsync(url, "TRUNCATE documents, chunks, embeddings, chunk_vectors; DROP INDEX chunk_vectors_hnsw");
            await using (var postgres = await PostgresChunkStore.OpenAsync(url, model))
            {
                await MeasureAsync("pg-bulk", postgres, corpus, queries, async () =>
                    await ExecuteAsync(url, "SET maintenance_work_mem = '1GB'; CREATE INDEX chunk_vectors_hnsw ON chunk_vectors USING hnsw (embedding vector_cosine_ops)"));
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Directory.Delete(dir, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, IChunkStore store, List<(DocumentInfo Document, List<EmbeddedChunk> Chunks)> corpus, List<float[]> queries, Func<Task>? afterLoad = null)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (document, chunks) in corpus)
        {
            var writer = await store.BeginDocumentAsync(document, CancellationToken.None);
            await using (writer)
            {
                for (var start = 0; start < chunks.Count; start += BatchSize)
                {
                    await writer.AddAsync(chunks.GetRange(start, Math.Min(BatchSize, chunks.Count - start)), CancellationToken.None);
                }

                await writer.CommitAsync(CancellationToken.None);
            }
        }

        if (afterLoad is not null)
        {
            await afterLoad();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var total = corpus.Sum(c => c.Chunks.Count);
        await store.SearchAsync(queries[0], 10, CancellationToken.None); // loads SQLite's matrix; warms PostgreSQL's cache
        var latencies = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            var start = Stopwatch.GetTimestamp();
            await store.SearchAsync(query, 10, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-9} ingest {seconds,7:0.0} s  {total / seconds,8:N0} chunks/s  {corpus.Count / seconds,6:N0} documents/s  search top-10 p50 {latencies[latencies.Count / 2],6:0.0} ms  p99 {latencies[(int)(latencies.Count * 0.99)],6:0.0} ms"));
    }

    private static List<(DocumentInfo, List<EmbeddedChunk>)> Make(int documents, int chunksPerDocument, int windows)
    {
        var random = new Random(42);
        var words = Enumerable.Range(0, 5000).Select(i => Word(random)).ToArray();
        var corpus = new List<(DocumentInfo, List<EmbeddedChunk>)>(documents);
        for (var d = 0; d < documents; d++)
        {
            var chunks = new List<EmbeddedChunk>(chunksPerDocument);
            for (var c = 0; c < chunksPerDocument; c++)
            {
                var text = string.Join(' ', Enumerable.Range(0, 200).Select(_ => words[(int)Math.Min(words.Length - 1, -Math.Log(1 - random.NextDouble()) * 600)]));
                var vector = Enumerable.Range(0, windows).SelectMany(_ => RandomUnit(random)).ToArray();
                chunks.Add(new EmbeddedChunk(new Chunk(c, text, c * 1500L, (c + 1) * 1500L, "Section > Part", 260) { Context = "Section > Part" }, vector));
            }

            corpus.Add((new DocumentInfo($"doc{d:D6}", $"corpus/doc{d:D6}.txt", $"hash{d}", 0, default) { FullPath = $"/corpus/doc{d:D6}.txt" }, chunks));
        }

        return corpus;
    }

    private static float[] RandomUnit(Random random)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)(random.NextDouble() * 2 - 1);
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }

    private static string Word(Random random)
    {
        var word = new StringBuilder();
        for (var i = random.Next(3, 10); i > 0; i--)
        {
            word.Append((char)('a' + random.Next(26)));
        }

        return word.ToString();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(server));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
