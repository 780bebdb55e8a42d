using Grounded.Chunks;
using Grounded.Storage;
using Microsoft.Data.Sqlite;

namespace Grounded.Rag.Index;

public sealed partial class SqliteChunkStore
{
    // The columns ReadChunk reads, in its order; d is the documents table.
    private const string ChunkColumns = "c.id, c.document_id, d.source, c.ordinal, c.text, c.start_offset, c.end_offset, c.heading_path, c.token_count, c.context";

    // One connection serves every search, and a SqliteConnection is not thread-safe: searches that run concurrently
    // (the hybrid retriever's two legs) take turns here.
    private readonly SemaphoreSlim _reads = new(1, 1);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> query, int topK, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        return ReadLockedAsync(async () =>
        {
            var ann = await EnsureAnnAsync(rebuild: false, save: false, cancellationToken).ConfigureAwait(false);
            var hits = ann is null ? null : await AnnSearchAsync(query, topK, cancellationToken).ConfigureAwait(false);
            LastSearchUsedAnn = hits is not null;
            hits ??= (await CurrentMatrixAsync(cancellationToken).ConfigureAwait(false)).Search(query.Span, topK);
            return await ReadHitsAsync(hits, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    // Searches share one connection, which is not thread-safe: concurrent searches (the hybrid legs) take turns.
    private async Task<T> ReadLockedAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await read().ConfigureAwait(false);
        }
        finally
        {
            _reads.Release();
        }
    }

    private async Task<IReadOnlyList<ScoredChunk>> ReadHitsAsync(List<(long RowId, float Score)> hits, CancellationToken cancellationToken)
    {
        var results = new List<ScoredChunk>(hits.Count);
        using var command = Command($"""
            SELECT {ChunkColumns}
            FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.seq = $row
            """, CurrentTransaction);
        var row = command.Parameters.Add("$row", SqliteType.Integer);
        foreach (var (rowId, score) in hits)
        {
            row.Value = rowId;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                results.Add(new ScoredChunk(ReadChunk(reader), score));
            }
        }

        return results;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int topK, CancellationToken cancellationToken) =>
        KeywordSearchAsync(query, topK, null, cancellationToken);

    // BM25 over the FTS index, restricted to the chunks of documents matching the filter when one is given.
    private async Task<IReadOnlyList<ScoredChunk>> SearchWordsAsync(string match, int topK, SearchFilter? filter, CancellationToken cancellationToken)
    {
        using var command = Command(string.Empty, CurrentTransaction);
        var restrict = filter is null
            ? string.Empty
            : $"AND rowid IN (SELECT c.seq FROM chunks c JOIN documents d ON d.id = c.document_id WHERE {FilterClause(filter, command)})";
        command.CommandText = $"""
            SELECT {ChunkColumns}, -f.score
            FROM (SELECT rowid, bm25(chunks_fts, 0.5, 1.0) AS score FROM chunks_fts
                  WHERE chunks_fts MATCH $match {restrict}
                  ORDER BY score LIMIT $k) f
            JOIN chunks c ON c.seq = f.rowid JOIN documents d ON d.id = c.document_id
            ORDER BY f.score
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$k", topK);
        var results = new List<ScoredChunk>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(new ScoredChunk(ReadChunk(reader), reader.GetDouble(10)));
        }

        return results;
    }

    /// <summary>Returns every chunk of a document in order.</summary>
    public async Task<IReadOnlyList<StoredChunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken)
    {
        using var command = Command($"""
            SELECT {ChunkColumns}
            FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.document_id = $id ORDER BY c.ordinal
            """, CurrentTransaction);
        command.Parameters.AddWithValue("$id", documentId);
        var chunks = new List<StoredChunk>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(ReadChunk(reader));
        }

        return chunks;
    }

    private static StoredChunk ReadChunk(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2),
        new Chunk(reader.GetInt32(3), reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetString(7), reader.GetInt32(8)) { Context = reader.GetString(9) });

    /// <summary>
    /// Asks the HNSW index for <see cref="AnnOptions.OverFetch"/> window vectors per chunk wanted, keeps each chunk
    /// once and rescores it exactly from its float vectors (best window), so scores equal the exact scan's. Null when
    /// the index went away meanwhile.
    /// </summary>
    private Task<List<(long RowId, float Score)>?> AnnSearchAsync(ReadOnlyMemory<float> query, int topK, CancellationToken cancellationToken) =>
        AnnSearchAsync(query, topK, Math.Max(topK * Ann.OverFetch, 40), null, cancellationToken);

    /// <summary>
    /// Asks the HNSW index for <paramref name="want"/> window vectors, keeps each chunk once (only those of documents matching
    /// <paramref name="filter"/>, checked in one query, when given) and rescores it exactly from its float vectors. Null when
    /// the index went away meanwhile.
    /// </summary>
    private async Task<List<(long RowId, float Score)>?> AnnSearchAsync(ReadOnlyMemory<float> query, int topK, int want, SearchFilter? filter, CancellationToken cancellationToken)
    {
        ulong[] keys;
        int found;
        _annLock.EnterReadLock();
        try
        {
            if (_ann is null)
            {
                return null;
            }

            want = (int)Math.Max(1, Math.Min(want, _ann.Count));
            keys = new ulong[want];
            found = _ann.Search(query.Span, keys, new float[want]);
        }
        finally
        {
            _annLock.ExitReadLock();
        }

        var candidates = keys.Take(found).Distinct().Select(k => (long)k).ToList();
        if (filter is not null)
        {
            candidates = await AcceptedAsync(candidates, filter, cancellationToken).ConfigureAwait(false);
        }

        var rescored = new List<(long RowId, float Score)>();
        using var command = Command("SELECT e.vector FROM chunks c JOIN embeddings e ON e.content_hash = c.content_hash WHERE c.seq = $row", CurrentTransaction);
        var row = command.Parameters.Add("$row", SqliteType.Integer);
        foreach (var candidate in candidates)
        {
            row.Value = candidate;
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && ReadVectors(reader, 0) is { } vectors)
            {
                rescored.Add((candidate, VectorMatrix.BestScore(vectors, query.Span)));
            }
        }

        rescored.Sort((a, b) => b.Score.CompareTo(a.Score));
        return rescored.Count > topK ? rescored[..topK] : rescored;
    }

    private async Task<VectorMatrix> LoadMatrixAsync(CancellationToken cancellationToken) =>
        _matrix = await ReadMatrixAsync(null, cancellationToken).ConfigureAwait(false);

    // Reads the vectors of every chunk, or of the chunks of documents matching filter, into one matrix.
    private async Task<VectorMatrix> ReadMatrixAsync(SearchFilter? filter, CancellationToken cancellationToken)
    {
        var dims = Model.Dimensions;
        var rowBytes = dims * sizeof(float);
        var values = new List<float[]>();
        var chunkIds = new List<long>();
        var firstRow = new List<int> { 0 };
        var rows = 0;
        using var command = Command("SELECT c.seq, e.vector FROM chunks c JOIN embeddings e ON e.content_hash = c.content_hash", CurrentTransaction);
        if (filter is not null)
        {
            command.CommandText += $" JOIN documents d ON d.id = c.document_id WHERE {FilterClause(filter, command)}";
        }

        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var blob = (byte[])reader.GetValue(1);
            if (blob.Length == 0 || blob.Length % rowBytes != 0)
            {
                continue;
            }

            values.Add(VectorBlob.ToVector(blob));
            rows += blob.Length / rowBytes;
            chunkIds.Add(reader.GetInt64(0));
            firstRow.Add(rows);
        }

        var matrix = new float[(long)rows * dims];
        var offset = 0;
        foreach (var block in values)
        {
            block.CopyTo(matrix, offset);
            offset += block.Length;
        }

        return new VectorMatrix(dims, chunkIds, firstRow, matrix);
    }
}
