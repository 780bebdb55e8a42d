using System.Text;
using Grounded.Documents;
using Grounded.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Grounded.Postgres;

/// <summary>
/// Replaces one document inside one PostgreSQL transaction with binary COPY: readers see the old version until commit,
/// and a crash, a cancellation or a dispose without commit rolls back. Window vectors are written once per distinct
/// chunk text, shared with any other document holding the same text.
/// </summary>
internal sealed class PostgresDocumentWriter : IDocumentWriter
{
    private readonly PostgresChunkStore _store;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly DocumentInfo _document;
    private readonly List<string> _replacedHashes = [];
    private int _count;
    private bool _finished;
    private (string[] Terms, long[] Chunks) _replacing = ([], []);

    public PostgresDocumentWriter(PostgresChunkStore store, NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentInfo document)
    {
        _store = store;
        _connection = connection;
        _transaction = transaction;
        _document = document;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // First, so concurrent writers of one document queue on its row. A document id another tenant holds is never taken
        // over: the update matches no row and the caller's dispose rolls the transaction back.
        await using var upsert = Command("""
            INSERT INTO documents(id, source, full_path, content_hash, chunk_count, ingested_at, collection, tags, tenant, groups)
            VALUES (@id, @source, @path, @hash, 0, @at, @collection, @tags, @tenant, @groups)
            ON CONFLICT (id) DO UPDATE SET source = excluded.source, full_path = excluded.full_path, content_hash = excluded.content_hash,
                chunk_count = 0, ingested_at = excluded.ingested_at, collection = excluded.collection, tags = excluded.tags, groups = excluded.groups
            WHERE documents.tenant = excluded.tenant
            """);
        upsert.Parameters.AddWithValue("id", _document.Id);
        upsert.Parameters.AddWithValue("source", _document.Source);
        upsert.Parameters.AddWithValue("path", _document.FullPath);
        upsert.Parameters.AddWithValue("hash", _document.ContentHash);
        upsert.Parameters.AddWithValue("at", _store.Time.GetUtcNow().UtcDateTime);
        upsert.Parameters.AddWithValue("collection", _document.Collection);
        upsert.Parameters.AddWithValue("tags", _document.Tags.Distinct(StringComparer.Ordinal).ToArray());
        upsert.Parameters.AddWithValue("tenant", _document.Tenant);
        upsert.Parameters.AddWithValue("groups", _document.Groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
        if (await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new StoreException($"the document id '{_document.Id}' belongs to another tenant; nothing was written");
        }

        _replacing = await PostgresChunkStore.CountDocumentTermsAsync(_connection, _transaction, _document.Id, cancellationToken).ConfigureAwait(false);
        await using (var clear = Command("DELETE FROM chunks WHERE document_id = @id RETURNING content_hash"))
        {
            clear.Parameters.AddWithValue("id", _document.Id);
            await using var reader = await clear.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _replacedHashes.Add(reader.GetString(0));
            }
        }
    }

    public async Task AddAsync(IReadOnlyList<EmbeddedChunk> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var dims = _store.Model.Dimensions;
        foreach (var (_, embedding) in chunks)
        {
            if (embedding.Length == 0 || embedding.Length % dims != 0)
            {
                throw new ArgumentException($"An embedding has {embedding.Length} values, not a whole number of {dims}-dimension vectors.", nameof(chunks));
            }
        }

        var hashes = chunks.Select(c => c.Chunk.ContentHash).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var existing = await LockExistingAsync(hashes, cancellationToken).ConfigureAwait(false);
        var fresh = chunks.DistinctBy(c => c.Chunk.ContentHash).Where(c => !existing.Contains(c.Chunk.ContentHash)).ToList();
        if (fresh.Count > 0)
        {
            await WriteVectorsAsync(fresh, dims, cancellationToken).ConfigureAwait(false);
        }

        await using (var import = await _connection.BeginBinaryImportAsync("""
            COPY chunks(id, document_id, ordinal, text, start_offset, end_offset, heading_path, context, token_count, content_hash, term_count)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (chunk, _) in chunks)
            {
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await import.WriteAsync($"{_document.Id}-{chunk.Ordinal:D5}", NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(_document.Id, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.Ordinal, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.Text, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.StartOffset, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.EndOffset, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.HeadingPath, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.Context, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.TokenCount, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.ContentHash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(CountTerms(chunk.Context) + CountTerms(chunk.Text), NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            }

            await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        _count += chunks.Count;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await using (var finish = Command("UPDATE documents SET chunk_count = @count WHERE id = @id"))
        {
            finish.Parameters.AddWithValue("count", _count);
            finish.Parameters.AddWithValue("id", _document.Id);
            await finish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await PostgresChunkStore.ApplyDocumentTermsAsync(_connection, _transaction, _document.Id, _replacing, cancellationToken).ConfigureAwait(false);
        await PostgresChunkStore.DeleteOrphanEmbeddingsAsync(_connection, _transaction, _replacedHashes, cancellationToken).ConfigureAwait(false);
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            try
            {
                await _transaction.RollbackAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // A broken connection has rolled back already.
            }
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Counts the words of a text as the keyword index's BM25 length: runs of letters and digits.</summary>
    internal static int CountTerms(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var letter = Rune.IsLetterOrDigit(rune);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    /// <summary>Locks (against orphan clean-up by other writers) and returns the hashes whose vectors the store already holds.</summary>
    private async Task<HashSet<string>> LockExistingAsync(string[] hashes, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT content_hash FROM embeddings WHERE content_hash = ANY(@hashes) ORDER BY content_hash FOR KEY SHARE");
        command.Parameters.AddWithValue("hashes", hashes);
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>Claims the new texts' embedding rows (a concurrent writer that claimed one first keeps it) and COPYs the windows of those claimed.</summary>
    private async Task WriteVectorsAsync(List<EmbeddedChunk> fresh, int dims, CancellationToken cancellationToken)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using (var claim = Command("INSERT INTO embeddings(content_hash) SELECT h FROM unnest(@hashes) AS h ORDER BY h ON CONFLICT DO NOTHING RETURNING content_hash"))
        {
            claim.Parameters.AddWithValue("hashes", fresh.Select(c => c.Chunk.ContentHash).ToArray());
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(reader.GetString(0));
            }
        }

        if (claimed.Count == 0)
        {
            return;
        }

        await using var import = await _connection.BeginBinaryImportAsync("COPY chunk_vectors(content_hash, window_index, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var (chunk, embedding) in fresh.Where(c => claimed.Contains(c.Chunk.ContentHash)))
        {
            for (var window = 0; window < embedding.Length / dims; window++)
            {
                await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(chunk.ContentHash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(window, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await import.WriteAsync(new Pgvector.Vector(embedding.Slice(window * dims, dims)), "vector", cancellationToken).ConfigureAwait(false);
            }
        }

        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);
}
