using Grounded.Access;
using Grounded.Storage;

namespace Grounded.Rag.Index;

/// <summary>Maps a store location to its store by the providers registered, in order; nothing else switches on the kind of store.</summary>
public sealed class StoreRegistry
{
    private readonly IReadOnlyList<IStoreProvider> _providers;

    /// <summary>Creates a registry of <paramref name="providers"/>, asked in order.</summary>
    public StoreRegistry(IEnumerable<IStoreProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = [.. providers];
    }

    /// <summary>Gets the registry of the embedded store alone (a directory or <c>sqlite:DIR</c>).</summary>
    public static StoreRegistry Embedded { get; } = new([new SqliteStoreProvider()]);

    /// <summary>Gets the registered providers, in the order they are asked.</summary>
    public IReadOnlyList<IStoreProvider> Providers => _providers;

    /// <summary>Returns a registry with <paramref name="provider"/> asked before these.</summary>
    public StoreRegistry With(IStoreProvider provider) => new([provider, .. _providers]);

    /// <summary>Returns the provider of <paramref name="location"/>; throws <see cref="StoreException"/> listing the known forms when none handles it.</summary>
    public IStoreProvider For(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return _providers.FirstOrDefault(p => p.Handles(location))
            ?? throw new StoreException($"no store handles '{location}'; a store location is {string.Join(", or ", _providers.Select(p => p.Form))}");
    }

    /// <summary>Opens the store <paramref name="request"/> names.</summary>
    public Task<IReindexableChunkStore> OpenAsync(StoreRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return For(request.Location).OpenAsync(request, cancellationToken);
    }

    /// <summary>Opens the API keys and audit log of the store at <paramref name="location"/> (no embedding model needed).</summary>
    public Task<IAccessStore> OpenAccessAsync(string location, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        For(location).OpenAccessAsync(location, time ?? TimeProvider.System, cancellationToken);
}
