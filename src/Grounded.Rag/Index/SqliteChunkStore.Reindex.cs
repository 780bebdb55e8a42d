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
            var texts = new List<(string Hash, string Text)>();
            using (var read = Command("SELECT content_hash, MIN(CASE WHEN context = '' THEN text ELSE context || char(10) || char(10) || text END) FROM chunks GROUP BY content_hash", transaction))
            using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    texts.Add((reader.GetString(0), reader.GetString(1)));
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
                var vectors = await embedder.GenerateAsync(batch.Select(t => t.Text), cancellationToken: cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    hash.Value = batch[i].Hash;
                    vector.Value = VectorBlob.ToBytes(vectors[i].Vector.Span);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                progress?.Report((start + batch.Count, texts.Count));
            }

            await RecordModelAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _matrix = null;
            return texts.Count;
        }
        finally
        {
            CurrentTransaction = null;
            _gate.Release();
        }
    }
}
