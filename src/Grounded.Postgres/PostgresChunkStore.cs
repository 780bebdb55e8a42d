using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Storage;
using Npgsql;
using Pgvector.Npgsql;

namespace Grounded.Postgres;

/// <summary>
/// The shared store: documents, chunks and window embeddings in PostgreSQL, searched with pgvector's HNSW index
/// (cosine) and a <c>tsvector</c> GIN index scored as BM25. Any number of processes may read and write one database;
/// each document is replaced in one transaction, so readers see its old or its new version, never a mix.
/// </summary>
public sealed partial class PostgresChunkStore : IReindexableChunkStore, IVectorIndexStatus
{
    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;

    private PostgresChunkStore(NpgsqlDataSource source, string location, EmbeddingModelProfile model, TimeProvider time)
    {
        _source = source;
        Location = location;
        Model = model;
        _time = time;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>Gets the embedding model the store's vectors were made with.</summary>
    public EmbeddingModelProfile Model { get; }

    /// <inheritdoc />
    public string LastSearchIndex => "pgvector";

    internal NpgsqlDataSource Source => _source;

    /// <inheritdoc />
    public Task<long> SyncAnnIndexAsync(bool rebuild, CancellationToken cancellationToken) => Task.FromResult(0L); // PostgreSQL keeps the HNSW index itself

    internal TimeProvider Time => _time;

    /// <summary>
    /// Opens the store at <paramref name="url"/> (<c>postgres://USER@HOST:PORT/DB</c>) for vectors of <paramref name="model"/>.
    /// An empty database gets the schema; one at an older schema, another model or a newer Grounded throws <see cref="StoreException"/>
    /// with a message that says how to fix it.
    /// </summary>
    public static async Task<PostgresChunkStore> OpenAsync(string url, EmbeddingModelProfile model, TimeProvider? time = null,
        bool allowModelChange = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(model);
        var location = PostgresUrl.Redact(url);
        var connectionString = PostgresUrl.ToConnectionString(url);
        NpgsqlDataSource? source = null;
        try
        {
            source = Build(connectionString);
            int? version;
            await using (var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                version = await PostgresMigrator.IsStoreAsync(connection, cancellationToken).ConfigureAwait(false)
                    ? await PostgresMigrator.GetVersionAsync(connection, null, cancellationToken).ConfigureAwait(false) : null;
            }

            if (version is null)
            {
                // An empty database becomes a store, as an empty directory does; the vector type exists only afterwards.
                await PostgresMigrator.MigrateAsync(source, location, model, cancellationToken).ConfigureAwait(false);
                await source.DisposeAsync().ConfigureAwait(false);
                source = Build(connectionString);
            }
            else if (version < PostgresSchema.Latest)
            {
                throw PostgresMigrator.Behind(location, version.Value);
            }
            else if (version > PostgresSchema.Latest)
            {
                throw PostgresMigrator.Newer(location, version.Value);
            }

            var store = new PostgresChunkStore(source, location, model, time ?? TimeProvider.System);
            await store.CheckModelAsync(allowModelChange, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (Exception error) when (error is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }

            throw new StoreException($"cannot open store '{location}': {error.Message.TrimEnd('.')}", error);
        }
        catch
        {
            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<DocumentInfo?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        var found = await QueryDocumentsAsync(command =>
        {
            command.Parameters.AddWithValue("id", documentId);
            return "WHERE d.id = @id";
        }, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken) =>
        QueryDocumentsAsync(_ => "ORDER BY d.source COLLATE \"C\"", cancellationToken);

    /// <inheritdoc />
    public async Task<IDocumentWriter> BeginDocumentAsync(DocumentInfo document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        PostgresDocumentWriter? writer = null;
        try
        {
            writer = new PostgresDocumentWriter(this, connection, await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false), document);
            await writer.StartAsync(cancellationToken).ConfigureAwait(false);
            return writer;
        }
        catch
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false); // rolls back and closes the connection
            }
            else
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var hashes = new List<string>();
        var words = await CountDocumentTermsAsync(connection, transaction, documentId, cancellationToken).ConfigureAwait(false);
        await using (var chunks = new NpgsqlCommand("DELETE FROM chunks WHERE document_id = @id RETURNING content_hash", connection, transaction))
        {
            chunks.Parameters.AddWithValue("id", documentId);
            await using var reader = await chunks.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                hashes.Add(reader.GetString(0));
            }
        }

        bool deleted;
        await using (var delete = new NpgsqlCommand("DELETE FROM documents WHERE id = @id", connection, transaction))
        {
            delete.Parameters.AddWithValue("id", documentId);
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }

        await ApplyDocumentTermsAsync(connection, transaction, documentId, words, cancellationToken).ConfigureAwait(false);
        await DeleteOrphanEmbeddingsAsync(connection, transaction, hashes, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, float[]>> GetCachedEmbeddingsAsync(IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHashes);
        var windows = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        if (contentHashes.Count == 0)
        {
            return new Dictionary<string, float[]>();
        }

        await using var command = _source.CreateCommand("SELECT content_hash, embedding FROM chunk_vectors WHERE content_hash = ANY(@hashes) ORDER BY content_hash, window_index");
        command.Parameters.AddWithValue("hashes", contentHashes.Distinct(StringComparer.Ordinal).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var hash = reader.GetString(0);
            if (!windows.TryGetValue(hash, out var values))
            {
                windows[hash] = values = [];
            }

            values.AddRange(reader.GetFieldValue<Pgvector.Vector>(1).ToArray());
        }

        return windows.ToDictionary(w => w.Key, w => w.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand("SELECT (SELECT count(*) FROM documents)::int, (SELECT count(*) FROM chunks)::int");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(reader.GetInt32(0), reader.GetInt32(1), Model.ModelId, Model.Dimensions);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _source.DisposeAsync();

    /// <summary>Deletes the embeddings of <paramref name="hashes"/> that no chunk uses any more, skipping rows a concurrent writer is about to use.</summary>
    internal static async Task DeleteOrphanEmbeddingsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> hashes, CancellationToken cancellationToken)
    {
        if (hashes.Count == 0)
        {
            return;
        }

        await using var orphans = new NpgsqlCommand("""
            DELETE FROM embeddings WHERE content_hash IN (
                SELECT e.content_hash FROM embeddings e
                WHERE e.content_hash = ANY(@hashes) AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.content_hash = e.content_hash)
                FOR UPDATE SKIP LOCKED)
            """, connection, transaction);
        orphans.Parameters.AddWithValue("hashes", hashes.Distinct(StringComparer.Ordinal).ToArray());
        await orphans.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The store leaves no session state behind (settings are transaction-local), so pooled connections need no reset.
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.UseVector();
        return builder.Build();
    }

    // clause adds its parameters to the command and returns the SQL after FROM documents d.
    private async Task<IReadOnlyList<DocumentInfo>> QueryDocumentsAsync(Func<NpgsqlCommand, string> clause, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand();
        command.CommandText = $"""
            SELECT d.id, d.source, d.content_hash, d.chunk_count, d.ingested_at, d.full_path, d.collection, d.tags, d.tenant, d.groups
            FROM documents d {clause(command)}
            """;

        var documents = new List<DocumentInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(new DocumentInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero))
            {
                FullPath = reader.GetString(5),
                Collection = reader.GetString(6),
                Tags = reader.GetFieldValue<string[]>(7),
                Tenant = reader.GetString(8),
                Groups = reader.GetFieldValue<string[]>(9),
            });
        }

        return documents;
    }
}
