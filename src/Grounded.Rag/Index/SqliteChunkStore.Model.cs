using Grounded.Storage;

namespace Grounded.Rag.Index;

public sealed partial class SqliteChunkStore
{
    /// <summary>Records the model in a new store; refuses a store made with another model unless a reindex is under way.</summary>
    private async Task CheckModelAsync(bool allowModelChange, CancellationToken cancellationToken)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var read = Command("SELECT key, value FROM meta"))
        using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                meta[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (meta.TryGetValue("schema_version", out var schema) && int.TryParse(schema, out var version) && version > SqliteSchema.Version)
        {
            throw new StoreException($"the store '{Directory}' was written by a newer Grounded (schema {version}; this one reads {SqliteSchema.Version}); upgrade Grounded");
        }

        if (meta.TryGetValue("embedding_model", out var model) && !allowModelChange)
        {
            var dims = meta.GetValueOrDefault("embedding_dimensions", "?");
            if (model != Model.ModelId || dims != Model.Dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new StoreException(
                    $"the store '{Directory}' was built with embedding model '{model}' ({dims} dimensions) but this run uses '{Model.ModelId}' ({Model.Dimensions}); re-embed it with this model (grounded reindex) or open it with the model that built it");
            }
        }

        if (!meta.ContainsKey("embedding_model"))
        {
            await RecordModelAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the current model and schema into the store's metadata.</summary>
    internal async Task RecordModelAsync(CancellationToken cancellationToken)
    {
        using var write = Command("""
            INSERT INTO meta(key, value) VALUES ('schema_version', $schema), ('embedding_model', $model), ('embedding_dimensions', $dims)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value
            """, CurrentTransaction);
        write.Parameters.AddWithValue("$schema", SqliteSchema.Version);
        write.Parameters.AddWithValue("$model", Model.ModelId);
        write.Parameters.AddWithValue("$dims", Model.Dimensions);
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
