using System.Diagnostics;
using System.Globalization;
using Grounded.Storage;
using Npgsql;
using NpgsqlTypes;
using Pgvector.Npgsql;

namespace Grounded.Postgres;

/// <summary>
/// A scratch pgvector HNSW index over raw vectors, for measuring pgvector against the embedded indexes
/// (<c>grounded bench ann --store postgres://...</c>): loads the vectors by binary COPY into a table of its own, builds the
/// index once (timed), answers top-k queries at a chosen <c>ef_search</c>, and drops the table on dispose.
/// </summary>
public sealed class PgvectorAnnIndex : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly string _table;

    private PgvectorAnnIndex(NpgsqlDataSource source, string table, TimeSpan buildTime)
    {
        _source = source;
        _table = table;
        BuildTime = buildTime;
    }

    /// <summary>Gets how long loading the vectors and building the HNSW index took.</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>
    /// Loads <paramref name="vectors"/> (row i gets id i) into a new table in the database at <paramref name="url"/> and builds an
    /// HNSW index with cosine distance (<paramref name="m"/> links per node, <paramref name="efConstruction"/> candidates while building).
    /// </summary>
    public static async Task<PgvectorAnnIndex> BuildAsync(string url, IReadOnlyList<float[]> vectors, int m = 16, int efConstruction = 64, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfZero(vectors.Count);
        var builder = new NpgsqlDataSourceBuilder(PostgresUrl.ToConnectionString(url));
        builder.UseVector();
        var source = builder.Build();
        var table = "grounded_ann_" + Guid.NewGuid().ToString("N")[..10];
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS vector", cancellationToken).ConfigureAwait(false);
            await connection.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var dims = vectors[0].Length.ToString(CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, $"CREATE UNLOGGED TABLE {table}(id bigint PRIMARY KEY, embedding vector({dims}) NOT NULL)", cancellationToken).ConfigureAwait(false);
            await using (var import = await connection.BeginBinaryImportAsync($"COPY {table}(id, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < vectors.Count; i++)
                {
                    await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync((long)i, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                    await import.WriteAsync(new Pgvector.Vector(vectors[i]), "vector", cancellationToken).ConfigureAwait(false);
                }

                await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                $"SET maintenance_work_mem = '2GB'; CREATE INDEX ON {table} USING hnsw (embedding vector_cosine_ops) WITH (m = {m}, ef_construction = {efConstruction})"), cancellationToken).ConfigureAwait(false);
            return new PgvectorAnnIndex(source, table, clock.Elapsed);
        }
        catch (NpgsqlException error)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"cannot build the pgvector index in '{PostgresUrl.Redact(url)}': {error.Message}", error);
        }
    }

    /// <summary>Returns the ids of the <paramref name="topK"/> vectors nearest <paramref name="query"/> by cosine, best first, searching with <paramref name="efSearch"/> candidates.</summary>
    public async Task<long[]> SearchAsync(ReadOnlyMemory<float> query, int topK, int efSearch = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            SELECT set_config('hnsw.ef_search', @ef, true);
            SELECT id FROM {_table} ORDER BY embedding <=> @query LIMIT @k
            """, connection, transaction);
        command.Parameters.AddWithValue("ef", efSearch.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("query", new Pgvector.Vector(query));
        command.Parameters.AddWithValue("k", topK);
        var ids = new List<long>(topK);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. ids];
    }

    /// <summary>Returns the on-disk size of the table and its indexes divided by the number of vectors.</summary>
    public async Task<double> BytesPerVectorAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _source.CreateCommand($"SELECT pg_total_relation_size('{_table}')::float8 / greatest(count(*), 1) FROM {_table}");
        return (double)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var connection = await _source.OpenConnectionAsync().ConfigureAwait(false);
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {_table}", CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
