using Grounded.Chunks;
using Grounded.Rag.Retrieve;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

public sealed partial class PostgresChunkStore
{
    // The columns ReadChunk reads, in its order; d is the documents table.
    private const string ChunkColumns = "c.id, c.document_id, d.source, c.ordinal, c.text, c.start_offset, c.end_offset, c.heading_path, c.token_count, c.context";

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> query, int topK, CancellationToken cancellationToken) =>
        SearchAsync(query, topK, null, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int topK, CancellationToken cancellationToken) =>
        KeywordSearchAsync(query, topK, null, cancellationToken);

    /// <summary>
    /// Returns the chunks that best match the query's words, scored as SQLite FTS5 scores them (BM25, k1 = 1.2, b = 0.75,
    /// context weighted 0.5 and text 1.0), so both stores rank alike. The words are extracted as the embedded store extracts
    /// them and passed as an array: the text is never parsed as query syntax.
    /// </summary>
    public async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int topK, SearchFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topK, 1);
        var terms = KeywordQuery.Terms(query);
        if (terms.Count == 0)
        {
            return [];
        }

        await using var command = _source.CreateCommand();
        var filterClause = filter is null || filter.IsEmpty ? string.Empty : $"AND {FilterClause(filter, command)}";
        command.CommandText = $"""
            WITH words AS (
                SELECT DISTINCT u.lexeme FROM unnest(@terms::text[]) AS w(word) CROSS JOIN LATERAL unnest(to_tsvector('grounded', w.word)) AS u),
            q AS (SELECT to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) AS q FROM words),
            stats AS (SELECT count(*)::float8 AS n, coalesce(avg(term_count), 1)::float8 AS avgdl FROM chunks),
            idf AS (
                SELECT words.lexeme, greatest(ln((stats.n - df.n + 0.5) / (df.n + 0.5)), 1e-6) AS idf
                FROM words CROSS JOIN stats
                CROSS JOIN LATERAL (SELECT count(*)::float8 AS n FROM chunks c WHERE c.tsv @@ to_tsquery('simple', quote_literal(words.lexeme))) df),
            hits AS (
                SELECT c.seq, c.term_count, c.tsv FROM chunks c JOIN documents d ON d.id = c.document_id CROSS JOIN q
                WHERE c.tsv @@ q.q {filterClause}),
            scored AS (
                SELECT h.seq, sum(idf.idf * tf.w * 2.2 / (tf.w + 1.2 * (0.25 + 0.75 * h.term_count / stats.avgdl))) AS score
                FROM hits h CROSS JOIN stats
                CROSS JOIN LATERAL (
                    SELECT u.lexeme, sum(CASE wt.weight WHEN 'A' THEN 0.5 ELSE 1.0 END) AS w
                    FROM unnest(h.tsv) AS u(lexeme, positions, weights) CROSS JOIN LATERAL unnest(u.weights) AS wt(weight)
                    WHERE u.lexeme IN (SELECT lexeme FROM words)
                    GROUP BY u.lexeme) tf
                JOIN idf ON idf.lexeme = tf.lexeme
                GROUP BY h.seq ORDER BY score DESC, h.seq LIMIT @k)
            SELECT {ChunkColumns}, s.score
            FROM scored s JOIN chunks c ON c.seq = s.seq JOIN documents d ON d.id = c.document_id
            ORDER BY s.score DESC, c.seq
            """;
        command.Parameters.AddWithValue("terms", terms.ToArray());
        command.Parameters.AddWithValue("k", topK);
        return await ReadScoredAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns every chunk of a document in order.</summary>
    public async Task<IReadOnlyList<StoredChunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand($"SELECT {ChunkColumns} FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.document_id = @id ORDER BY c.ordinal");
        command.Parameters.AddWithValue("id", documentId);
        var chunks = new List<StoredChunk>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(ReadChunk(reader));
        }

        return chunks;
    }

    private static async Task<IReadOnlyList<ScoredChunk>> ReadScoredAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var results = new List<ScoredChunk>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        do
        {
            if (reader.FieldCount < 11)
            {
                continue;
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                results.Add(new ScoredChunk(ReadChunk(reader), reader.GetDouble(10)));
            }
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

        return results;
    }

    private static StoredChunk ReadChunk(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2),
        new Chunk(reader.GetInt32(3), reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetString(7), reader.GetInt32(8)) { Context = reader.GetString(9) });
}
