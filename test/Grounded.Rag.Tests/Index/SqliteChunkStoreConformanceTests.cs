using Grounded.Conformance;
using Grounded.Rag.Embed;
using Grounded.Rag.Index;
using Grounded.Rag.Tests.Support;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Index;

/// <summary>The embedded store with exact search passes the store conformance suite.</summary>
public sealed class SqliteChunkStoreConformanceTests : ChunkStoreConformance, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    protected override async Task<IChunkStore> OpenAsync(EmbeddingModelProfile model) =>
        await SqliteChunkStore.OpenAsync(_dir.Combine("store"), model);
}
