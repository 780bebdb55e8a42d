namespace Grounded.Server.Tests.Support;

/// <summary>A store with three small documents, indexed once (loading the embedding model is the slow part) and shared.</summary>
public sealed class IndexedStoreFixture : IAsyncLifetime
{
    private TempStore _store = null!;

    public string Directory => _store.Directory;

    public string Store => _store.Location;

    public async Task InitializeAsync() => _store = await TempStore.CreateAsync(TempStore.ThreeSubjects);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }
}
