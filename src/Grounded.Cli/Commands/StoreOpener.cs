using Grounded.Postgres;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Storage;

namespace Grounded.Cli.Commands;

/// <summary>Opens the store a location names: a <c>postgres://</c> URL is the PostgreSQL store, anything else a directory of the embedded store.</summary>
internal static class StoreOpener
{
    /// <summary>Returns the opener for <see cref="Rag.LocalRagOptions.OpenStore"/>: null (the embedded default) for a directory.</summary>
    public static Func<EmbeddingModelProfile, bool, CancellationToken, Task<IReindexableChunkStore>>? For(string location) =>
        PostgresUrl.IsPostgres(location) ? (model, allowModelChange, ct) => OpenAsync(location, model, allowModelChange, ct) : null;

    /// <summary>Opens the store at <paramref name="location"/> for vectors of <paramref name="model"/>.</summary>
    public static async Task<IReindexableChunkStore> OpenAsync(string location, EmbeddingModelProfile model, bool allowModelChange, CancellationToken cancellationToken) =>
        PostgresUrl.IsPostgres(location)
            ? await PostgresChunkStore.OpenAsync(location, model, allowModelChange: allowModelChange, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await SqliteChunkStore.OpenAsync(location, model, allowModelChange: allowModelChange, cancellationToken: cancellationToken).ConfigureAwait(false);
}
