using System.Globalization;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres;

public sealed partial class PostgresChunkStore
{
    /// <summary>Refuses a store made with another model unless a reindex is under way (same rule and message as the embedded store).</summary>
    private async Task CheckModelAsync(bool allowModelChange, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var model = await PostgresMigrator.ReadMetaAsync(connection, null, "embedding_model", cancellationToken).ConfigureAwait(false);
        var dims = await PostgresMigrator.ReadMetaAsync(connection, null, "embedding_dimensions", cancellationToken).ConfigureAwait(false) ?? "?";
        if (model is not null && !allowModelChange
            && (model != Model.ModelId || dims != Model.Dimensions.ToString(CultureInfo.InvariantCulture)))
        {
            throw new StoreException(
                $"the store '{Location}' was built with embedding model '{model}' ({dims} dimensions) but this run uses '{Model.ModelId}' ({Model.Dimensions}); re-embed it with this model (grounded reindex) or open it with the model that built it");
        }
    }

    /// <summary>Writes the current model into the store's metadata.</summary>
    private async Task RecordModelAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var write = new NpgsqlCommand("""
            INSERT INTO grounded_meta(key, value) VALUES ('embedding_model', @model), ('embedding_dimensions', @dims)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """, connection, transaction);
        write.Parameters.AddWithValue("model", Model.ModelId);
        write.Parameters.AddWithValue("dims", Model.Dimensions.ToString(CultureInfo.InvariantCulture));
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
