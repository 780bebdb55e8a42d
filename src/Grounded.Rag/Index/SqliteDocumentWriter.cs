using System.Globalization;
using Grounded.Documents;
using Grounded.Storage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Index;

/// <summary>Replaces one document inside one SQLite transaction: readers see the old version until commit, and a crash or cancellation rolls back.</summary>
internal sealed class SqliteDocumentWriter : IDocumentWriter
{
    private readonly SqliteChunkStore _store;
    private readonly SqliteTransaction _transaction;
    private readonly DocumentInfo _document;
    private readonly TimeProvider _time;
    private readonly SqliteCommand _insertChunk;
    private readonly SqliteCommand _insertEmbedding;
    private int _count;
    private bool _finished;

    public SqliteDocumentWriter(SqliteChunkStore store, SqliteTransaction transaction, DocumentInfo document, TimeProvider time)
    {
        _store = store;
        _transaction = transaction;
        _document = document;
        _time = time;
        store.CurrentTransaction = transaction;
        _insertChunk = store.Command("""
            INSERT INTO chunks(id, document_id, ordinal, text, start_offset, end_offset, heading_path, token_count, content_hash, context)
            VALUES ($id, $doc, $ordinal, $text, $start, $end, $path, $tokens, $hash, $context)
            """, transaction);
        foreach (var name in new[] { "$id", "$doc", "$ordinal", "$text", "$start", "$end", "$path", "$tokens", "$hash", "$context" })
        {
            _insertChunk.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _insertEmbedding = store.Command("INSERT OR IGNORE INTO embeddings(content_hash, vector) VALUES ($hash, $vector)", transaction);
        _insertEmbedding.Parameters.Add(new SqliteParameter { ParameterName = "$hash" });
        _insertEmbedding.Parameters.Add(new SqliteParameter { ParameterName = "$vector" });
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var clear = _store.Command("DELETE FROM chunks WHERE document_id = $id", _transaction);
        clear.Parameters.AddWithValue("$id", _document.Id);
        await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        using var upsert = _store.Command("""
            INSERT INTO documents(id, source, full_path, content_hash, chunk_count, ingested_at, collection, tenant) VALUES ($id, $source, $path, $hash, 0, $at, $collection, $tenant)
            ON CONFLICT(id) DO UPDATE SET source = excluded.source, full_path = excluded.full_path, content_hash = excluded.content_hash, chunk_count = 0,
                ingested_at = excluded.ingested_at, collection = excluded.collection
            WHERE documents.tenant = excluded.tenant
            """, _transaction);
        upsert.Parameters.AddWithValue("$tenant", _document.Tenant);
        upsert.Parameters.AddWithValue("$collection", _document.Collection);
        upsert.Parameters.AddWithValue("$id", _document.Id);
        upsert.Parameters.AddWithValue("$source", _document.Source);
        upsert.Parameters.AddWithValue("$path", _document.FullPath);
        upsert.Parameters.AddWithValue("$hash", _document.ContentHash);
        upsert.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new StoreException($"the document id '{_document.Id}' belongs to another tenant; nothing was written");
        }

        await _store.ReplaceTagsAndGroupsAsync(_document, _transaction, cancellationToken).ConfigureAwait(false);
    }

    public async Task AddAsync(IReadOnlyList<EmbeddedChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        foreach (var (chunk, embedding) in chunks)
        {
            if (embedding.Length == 0 || embedding.Length % _store.Model.Dimensions != 0)
            {
                throw new ArgumentException($"An embedding has {embedding.Length} values, not a whole number of {_store.Model.Dimensions}-dimension vectors.", nameof(chunks));
            }

            var p = _insertChunk.Parameters;
            p[0].Value = $"{_document.Id}-{chunk.Ordinal:D5}";
            p[1].Value = _document.Id;
            p[2].Value = chunk.Ordinal;
            p[3].Value = chunk.Text;
            p[4].Value = chunk.StartOffset;
            p[5].Value = chunk.EndOffset;
            p[6].Value = chunk.HeadingPath;
            p[7].Value = chunk.TokenCount;
            var hash = chunk.ContentHash;
            p[8].Value = hash;
            p[9].Value = chunk.Context;
            await _insertChunk.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _insertEmbedding.Parameters[0].Value = hash;
            _insertEmbedding.Parameters[1].Value = VectorBlob.ToBytes(embedding.Span);
            await _insertEmbedding.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _count++;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        using var finish = _store.Command("UPDATE documents SET chunk_count = $count WHERE id = $id", _transaction);
        finish.Parameters.AddWithValue("$count", _count);
        finish.Parameters.AddWithValue("$id", _document.Id);
        await finish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        using var orphans = _store.Command(SqliteSchema.DeleteOrphanEmbeddings, _transaction);
        await orphans.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
        _store.WriterFinished(committed: true);
    }

    public async ValueTask DisposeAsync()
    {
        _insertChunk.Dispose();
        _insertEmbedding.Dispose();
        if (!_finished)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
            _store.WriterFinished(committed: false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
    }
}
