namespace Grounded.Hosting.Tests.Support;

/// <summary>A store of three small documents, indexed once per test class (loading the model is the slow part).</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public TempStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await TempStore.CreateAsync(TempStore.ThreeSubjects);

    public Task DisposeAsync()
    {
        Store.Dispose();
        return Task.CompletedTask;
    }
}
