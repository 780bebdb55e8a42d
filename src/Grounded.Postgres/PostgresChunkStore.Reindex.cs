using System.Globalization;
using Grounded.Rag.Embed;
using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;

namespace Grounded.Postgres;

public sealed partial class PostgresChunkStore
{
    /// <summary>
    /// Re-embeds every distinct chunk text with <paramref name="embedder"/> (this store's model) in one transaction, resizing
    /// the vector column when the dimension changed and rebuilding the HNSW index once at the end; readers keep the old
    /// vectors until it commits. Returns how many texts were embedded.
    /// </summary>
    public async Task<int> ReindexAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var texts = new List<(string Hash, Chunks.Chunk Chunk)>();
        await using (var read = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({PostgresSchema.LockKey});
            SELECT DISTINCT ON (content_hash) content_hash, text, context, token_count FROM chunks ORDER BY content_hash
            """, connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var text = reader.GetString(1);
                texts.Add((reader.GetString(0), new Chunks.Chunk(0, text, 0, text.Length, string.Empty, reader.GetInt32(3)) { Context = reader.GetString(2) }));
            }
        }

        var dims = Model.Dimensions.ToString(CultureInfo.InvariantCulture);
        await using (var reset = new NpgsqlCommand($"""
            DELETE FROM chunk_vectors;
            DROP INDEX IF EXISTS chunk_vectors_hnsw;
            ALTER TABLE chunk_vectors ALTER COLUMN embedding TYPE vector({dims});
            """, connection, transaction))
        {
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        const int batchSize = 64;
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            var batch = texts.Skip(start).Take(batchSize).ToList();
            var vectors = await ChunkWindows.EmbedAsync(embedder, batch.Select(t => t.Chunk).ToList(), cancellationToken).ConfigureAwait(false);
            await using (var import = await connection.BeginBinaryImportAsync("COPY chunk_vectors(content_hash, window_index, embedding) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    for (var window = 0; window < vectors[i].Length / Model.Dimensions; window++)
                    {
                        await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        await import.WriteAsync(batch[i].Hash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await import.WriteAsync(window, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                        await import.WriteAsync(new Pgvector.Vector(vectors[i].AsMemory(window * Model.Dimensions, Model.Dimensions)), "vector", cancellationToken).ConfigureAwait(false);
                    }
                }

                await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            progress?.Report((start + batch.Count, texts.Count));
        }

        await using (var index = new NpgsqlCommand("CREATE INDEX chunk_vectors_hnsw ON chunk_vectors USING hnsw (embedding vector_cosine_ops)", connection, transaction))
        {
            index.CommandTimeout = 0;
            await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await RecordModelAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return texts.Count;
    }
}
