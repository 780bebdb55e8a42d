using System.Diagnostics;
using Grounded.Rag.Index;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Grounded.Cli.Benchmarks;

/// <summary>
/// The same vectors and queries against pgvector: a temporary table filled by binary COPY, an HNSW index
/// (<c>vector_cosine_ops</c>, m and ef_construction as asked), <c>hnsw.ef_search</c> per session. "exact" is
/// PostgreSQL's sequential scan with index scans turned off; recall is against the in-process exact top-10.
/// Plain Npgsql + Pgvector, independent of the PostgreSQL store.
/// </summary>
internal static class PgvectorBenchmark
{
    /// <summary>Sequential scans are slow at scale; this many queries are enough for their latency.</summary>
    private const int ExactQueries = 50;

    public static async Task<AnnBenchResult> RunAsync(string url, AnnBenchPlan plan, CancellationToken cancellationToken)
    {
        var data = plan.Generate();
        var matrix = new VectorMatrix(plan.Dimensions, Enumerable.Range(0, plan.Count).Select(i => (long)i).ToList(),
            Enumerable.Range(0, plan.Count + 1).ToList(), data.Vectors);
        var truth = Enumerable.Range(0, plan.Queries).Select(q => matrix.Search(data.Query(q), AnnBenchmark.TopK).Select(h => h.RowId).ToHashSet()).ToList();

        var builder = new NpgsqlDataSourceBuilder(PostgresUrl.ToConnectionString(url));
        builder.UseVector();
        await using var source = builder.Build();
        await using var connection = await OpenAsync(source, url, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"""
            CREATE EXTENSION IF NOT EXISTS vector;
            CREATE TEMP TABLE bench_ann(id integer PRIMARY KEY, embedding vector({plan.Dimensions}));
            SET maintenance_work_mem = '1GB';
            SET max_parallel_maintenance_workers = {Math.Max(0, plan.Ann.BuildThreads - 1)};
            """, cancellationToken).ConfigureAwait(false);

        var build = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY bench_ann(id, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < plan.Count; i++)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(new Vector(data.Vectors.AsMemory(i * plan.Dimensions, plan.Dimensions)), "vector", cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, $"CREATE INDEX ON bench_ann USING hnsw (embedding vector_cosine_ops) WITH (m = {plan.Ann.Connectivity}, ef_construction = {plan.Ann.ExpansionAdd})", cancellationToken).ConfigureAwait(false);
        var buildSeconds = build.Elapsed.TotalSeconds;
        var indexBytes = Convert.ToDouble(await ScalarAsync(connection, "SELECT pg_relation_size(indexrelid) FROM pg_index WHERE indrelid = 'bench_ann'::regclass AND NOT indisprimary", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);

        await ExecuteAsync(connection, $"SET hnsw.ef_search = {plan.Ann.ExpansionSearch}", cancellationToken).ConfigureAwait(false);
        var ann = new Latencies();
        var hits = 0;
        for (var q = 0; q < plan.Queries; q++)
        {
            var ids = await ann.TimeAsync(() => TopAsync(connection, data.QueryMemory(q), cancellationToken)).ConfigureAwait(false);
            hits += ids.Count(id => truth[q].Contains(id));
        }

        await ExecuteAsync(connection, "SET enable_indexscan = off", cancellationToken).ConfigureAwait(false);
        var exact = new Latencies();
        var exactQueries = Math.Min(plan.Queries, ExactQueries);
        for (var q = 0; q < exactQueries; q++)
        {
            await exact.TimeAsync(() => TopAsync(connection, data.QueryMemory(q), cancellationToken)).ConfigureAwait(false);
        }

        return new AnnBenchResult(plan.Count, plan.Dimensions, "pgvector", Math.Round(buildSeconds, 2),
            new AnnBenchResult.Leg(exact.Qps, exact.P50, exact.P99, exactQueries),
            new AnnBenchResult.AnnLeg(ann.Qps, ann.P50, ann.P99, plan.Queries, Math.Round(hits / (double)(AnnBenchmark.TopK * plan.Queries), 4)),
            Math.Round(indexBytes / plan.Count, 1), plan.Settings() with { Quantization = "f32" });
    }

    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource source, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or TimeoutException)
        {
            throw new UserInputException($"cannot connect to PostgreSQL at {PostgresUrl.Redact(url)}: {error.Message} (start one with scripts/services.sh start)");
        }
    }

    private static async Task<List<long>> TopAsync(NpgsqlConnection connection, ReadOnlyMemory<float> query, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT id FROM bench_ann ORDER BY embedding <=> $1 LIMIT {AnnBenchmark.TopK}", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(query) });
        var ids = new List<long>(AnnBenchmark.TopK);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
