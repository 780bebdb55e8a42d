using Grounded.Conformance;
using Grounded.Rag.Embed;
using Grounded.Storage;

namespace Grounded.Postgres.Tests;

/// <summary>The PostgreSQL + pgvector store passes the store conformance suite, each test in a database of its own.</summary>
public sealed class PostgresChunkStoreConformanceTests : ChunkStoreConformance, IAsyncLifetime
{
    private TestDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<IChunkStore> OpenAsync(EmbeddingModelProfile model)
    {
        _database ??= await TestDatabase.CreateAsync();
        return await PostgresChunkStore.OpenAsync(_database.Url, model);
    }
}
