using System.Globalization;
using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Rag.Index.Ann;
using Grounded.Storage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Index;

/// <summary>
/// The embedded store: one SQLite database (WAL) holding documents, chunks and embeddings. Small stores are searched
/// exactly over an in-memory matrix loaded on the first search and reloaded after writes; from
/// <see cref="AnnOptions.MinimumVectors"/> on, through an HNSW index saved beside the database and caught up from the
/// database's change log (the rows are the truth, the index file a cache).
/// </summary>
public sealed partial class SqliteChunkStore : IReindexableChunkStore
{
    /// <summary>The database file's name inside the store directory.</summary>
    public const string FileName = "grounded.db";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VectorMatrix? _matrix;

    private SqliteChunkStore(SqliteConnection connection, string directory, EmbeddingModelProfile model, TimeProvider time)
    {
        _connection = connection;
        Directory = directory;
        Model = model;
        _time = time;
    }

    /// <summary>Gets the store's directory.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public string Location => Directory;

    /// <summary>Gets the embedding model the store's vectors were made with.</summary>
    public EmbeddingModelProfile Model { get; }

    /// <summary>
    /// Opens (creating when missing) the store in <paramref name="directory"/> for vectors of <paramref name="model"/>.
    /// Throws <see cref="StoreException"/> when the store is unreadable or was built with another model.
    /// </summary>
    public static async Task<SqliteChunkStore> OpenAsync(string directory, EmbeddingModelProfile model, TimeProvider? time = null,
        bool allowModelChange = false, AnnOptions? ann = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var problems = (ann ?? new AnnOptions()).Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(ann));
        }

        var full = Path.GetFullPath(directory);
        if (File.Exists(full))
        {
            throw new StoreException($"cannot open store '{directory}': it is a file, not a directory");
        }

        SqliteConnection? connection = null;
        try
        {
            System.IO.Directory.CreateDirectory(full);
            var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(full, FileName), Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate };
            connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, SqliteSchema.Create, cancellationToken).ConfigureAwait(false);
            await AddFilterColumnsAsync(connection, cancellationToken).ConfigureAwait(false);
            var store = new SqliteChunkStore(connection, full, model, time ?? TimeProvider.System) { Ann = ann ?? new AnnOptions() };
            await store.CheckModelAsync(allowModelChange, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (SqliteException error)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new StoreException($"cannot open store '{directory}': {error.Message.Replace("SQLite Error " + error.SqliteErrorCode + ": ", "", StringComparison.Ordinal).TrimEnd('.')}", error);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new StoreException($"cannot open store '{directory}': {error.Message}", error);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<DocumentInfo?> GetDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        var found = await QueryDocumentsAsync(command =>
        {
            command.Parameters.AddWithValue("$id", documentId);
            return "WHERE d.id = $id";
        }, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken) =>
        QueryDocumentsAsync(_ => "ORDER BY d.source", cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(SearchFilter? filter, CancellationToken cancellationToken) =>
        filter is null || filter.IsEmpty
            ? ListDocumentsAsync(cancellationToken)
            : QueryDocumentsAsync(command => $"WHERE {FilterClause(filter, command)} ORDER BY d.source", cancellationToken);

    /// <inheritdoc />
    public async Task<IDocumentWriter> BeginDocumentAsync(DocumentInfo document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        SqliteDocumentWriter? writer = null;
        try
        {
            writer = new SqliteDocumentWriter(this, _connection.BeginTransaction(deferred: false), document, _time);
            await writer.StartAsync(cancellationToken).ConfigureAwait(false);
            return writer;
        }
        catch
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false); // rolls back and releases the gate
            }
            else
            {
                _gate.Release();
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var command = Command("DELETE FROM documents WHERE id = $id", transaction);
            command.Parameters.AddWithValue("$id", documentId);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            using var orphans = Command(SqliteSchema.DeleteOrphanEmbeddings, transaction);
            await orphans.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            Changed();
            return deleted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, float[]>> GetCachedEmbeddingsAsync(IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contentHashes);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        using var command = Command("SELECT vector FROM embeddings WHERE content_hash = $hash", CurrentTransaction);
        var parameter = command.Parameters.Add("$hash", SqliteType.Text);
        foreach (var hash in contentHashes.Distinct(StringComparer.Ordinal))
        {
            parameter.Value = hash;
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] blob)
            {
                found[hash] = VectorBlob.ToVector(blob);
            }
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        using var command = Command("SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM chunks)", CurrentTransaction);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(reader.GetInt32(0), reader.GetInt32(1), Model.ModelId, Model.Dimensions);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _ann?.Dispose();
        _annLock.Dispose();
        _gate.Dispose();
        _reads.Dispose();
    }

    internal SqliteTransaction? CurrentTransaction { get; set; }

    internal void WriterFinished(bool committed)
    {
        CurrentTransaction = null;
        if (committed)
        {
            Changed();
        }

        _gate.Release();
    }

    internal SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // clause adds its parameters to the command and returns the SQL after FROM documents d.
    private async Task<IReadOnlyList<DocumentInfo>> QueryDocumentsAsync(Func<SqliteCommand, string> clause, CancellationToken cancellationToken)
    {
        using var command = Command(string.Empty, CurrentTransaction);
        command.CommandText = $"""
            SELECT d.id, d.source, d.content_hash, d.chunk_count, d.ingested_at, d.full_path, d.collection,
                   (SELECT group_concat(tag, char(31)) FROM document_tags t WHERE t.document_id = d.id), d.tenant,
                   (SELECT group_concat(grp, char(31)) FROM document_groups g WHERE g.document_id = d.id)
            FROM documents d {clause(command)}
            """;

        var documents = new List<DocumentInfo>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(new DocumentInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture))
            {
                FullPath = reader.GetString(5),
                Collection = reader.GetString(6),
                Tags = reader.IsDBNull(7) ? [] : reader.GetString(7).Split('\u001f'),
                Tenant = reader.GetString(8),
                Groups = reader.IsDBNull(9) ? [] : reader.GetString(9).Split('\u001f'),
            });
        }

        return documents;
    }
}
