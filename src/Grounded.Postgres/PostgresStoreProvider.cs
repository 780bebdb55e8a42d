using Grounded.Access;
using Grounded.Rag.Index;
using Grounded.Storage;

namespace Grounded.Postgres;

/// <summary>The shared store: <c>postgres://USER[:PASSWORD]@HOST[:PORT]/DB</c> (or <c>postgresql://</c>), PostgreSQL with pgvector.</summary>
public sealed class PostgresStoreProvider : IStoreProvider
{
    /// <inheritdoc />
    public string Name => "postgres";

    /// <inheritdoc />
    public string Form => "postgres://USER@HOST:PORT/DB for PostgreSQL with pgvector";

    /// <inheritdoc />
    public bool Handles(string location) => PostgresUrl.IsPostgres(location);

    /// <inheritdoc />
    public async Task<IReindexableChunkStore> OpenAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await PostgresChunkStore.OpenAsync(request.Location, request.Model, request.Time, request.AllowModelChange, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IAccessStore> OpenAccessAsync(string location, TimeProvider time, CancellationToken cancellationToken) =>
        await PostgresAccessStore.OpenAsync(location, time, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<StoreMigration> MigrateAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (from, to) = await PostgresMigrator.MigrateAsync(request.Location, request.Model, cancellationToken).ConfigureAwait(false);
        return new StoreMigration(PostgresUrl.Redact(request.Location), from, to);
    }
}
