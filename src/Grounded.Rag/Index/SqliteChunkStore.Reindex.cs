using Microsoft.Extensions.AI;

namespace Grounded.Rag.Index;

public sealed partial class SqliteChunkStore
{
    /// <summary>
    /// Re-embeds every chunk with <paramref name="embedder"/> (this store's model) in one transaction and records the
    /// model, so a store built with another model becomes searchable again; returns how many texts were embedded.
    /// </summary>
    public async Task<int> ReindexAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            CurrentTransaction = transaction;
            var texts = new List<(string Hash, Chunks.Chunk Chunk)>();
            using (var read = Command("SELECT content_hash, text, context, token_count FROM chunks GROUP BY content_hash", transaction))
            using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var text = reader.GetString(1);
                    texts.Add((reader.GetString(0), new Chunks.Chunk(0, text, 0, text.Length, string.Empty, reader.GetInt32(3)) { Context = reader.GetString(2) }));
                }
            }

            using (var clear = Command("DELETE FROM embeddings", transaction))
            {
                await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var insert = Command("INSERT INTO embeddings(content_hash, vector) VALUES ($hash, $vector)", transaction);
            var hash = insert.Parameters.Add("$hash", Microsoft.Data.Sqlite.SqliteType.Text);
            var vector = insert.Parameters.Add("$vector", Microsoft.Data.Sqlite.SqliteType.Blob);
            const int batchSize = 64;
            for (var start = 0; start < texts.Count; start += batchSize)
            {
                var batch = texts.Skip(start).Take(batchSize).ToList();
                var vectors = await Embed.ChunkWindows.EmbedAsync(embedder, batch.Select(t => t.Chunk).ToList(), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    hash.Value = batch[i].Hash;
                    vector.Value = VectorBlob.ToBytes(vectors[i]);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                progress?.Report((start + batch.Count, texts.Count));
            }

            await RecordModelAsync(cancellationToken).ConfigureAwait(false);
            await BumpAnnEpochAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            Changed();
            DropAnn();
            return texts.Count;
        }
        finally
        {
            CurrentTransaction = null;
            _gate.Release();
        }
    }
}
