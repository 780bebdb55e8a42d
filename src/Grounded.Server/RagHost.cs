using Grounded.Rag;

namespace Grounded.Server;

/// <summary>Opens the store (and loads the embedding model) on first use, once, and shares it.</summary>
internal sealed class RagHost(string storeDirectory) : IAsyncDisposable
{
    private readonly Lazy<Task<LocalRag>> _rag = new(() => LocalRag.OpenAsync(new LocalRagOptions { StoreDirectory = storeDirectory }));

    public string StoreDirectory => storeDirectory;

    public Task<LocalRag> GetAsync() => _rag.Value;

    public async ValueTask DisposeAsync()
    {
        if (_rag.IsValueCreated && _rag.Value.IsCompletedSuccessfully)
        {
            await _rag.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
