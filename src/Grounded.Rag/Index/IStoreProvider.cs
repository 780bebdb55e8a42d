using Grounded.Access;
using Grounded.Storage;

namespace Grounded.Rag.Index;

/// <summary>A kind of store a location can name (a directory, <c>sqlite:</c>, <c>postgres://</c>): adding a store is one of these, registered in a <see cref="StoreRegistry"/>.</summary>
public interface IStoreProvider
{
    /// <summary>Gets the store kind's name, e.g. <c>sqlite</c>.</summary>
    string Name { get; }

    /// <summary>Gets how a location of this kind is written, for messages, e.g. <c>postgres://USER@HOST:PORT/DB</c>.</summary>
    string Form { get; }

    /// <summary>Returns whether <paramref name="location"/> names a store of this kind.</summary>
    bool Handles(string location);

    /// <summary>Opens (creating when needed) the store; throws <see cref="StoreException"/> with a message that says how to fix what is wrong.</summary>
    Task<IReindexableChunkStore> OpenAsync(StoreRequest request, CancellationToken cancellationToken);

    /// <summary>Opens (creating when needed) the store's API keys and audit log; the default says the store keeps none.</summary>
    Task<IAccessStore> OpenAccessAsync(string location, TimeProvider time, CancellationToken cancellationToken) =>
        throw new StoreException($"the {Name} store keeps no API keys or audit log");

    /// <summary>Brings the store's schema up to this version of Grounded; the default opens the store, which upgrades itself.</summary>
    async Task<StoreMigration> MigrateAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            return new StoreMigration(store.Location, 1, 1);
        }
    }
}
