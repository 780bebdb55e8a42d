using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Embed;
using Grounded.Storage;
using Npgsql;

namespace Grounded.Postgres.Tests;

public sealed class PostgresFilteredSearchTests
{
    private static readonly EmbeddingModelProfile Model = new("filtered-search-model", 4, string.Empty, 512);

    [SkippableFact]
    public async Task ASmallTenantGetsItsTrueTopKWhenTheIndexScanStopsBeforeReachingItsChunks()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var store = await PostgresChunkStore.OpenAsync(database.Url, Model))
        {
            for (var d = 0; d < 5; d++)
            {
                await WriteAsync(store, new DocumentInfo($"big{d}", $"big/{d}.md", "v1", 0, default) { Tenant = "globex" },
                    [.. Enumerable.Range(0, 40).Select(i => ($"globex {d} {i}", Unit(1, 0.01f * (d * 40 + i), 0, 0)))]);
            }

            for (var i = 0; i < 12; i++)
            {
                await WriteAsync(store, new DocumentInfo($"small{i}", $"small/{i}.md", "v1", 0, default) { Tenant = "acme" }, ($"acme {i}", Unit(1, 3 + 0.2f * i, 0, 0)));
            }
        }

        // As in a store whose statistics lead the planner to the index and whose index scan visits only the first candidates
        // (the state of a small tenant among millions of chunks): the 100 nearest windows all belong to the large tenant.
        await ExecuteAsync(database, $"ALTER DATABASE {database.Name} SET enable_sort = off; ALTER DATABASE {database.Name} SET hnsw.max_scan_tuples = 1");
        await using var reopened = await PostgresChunkStore.OpenAsync(database.Url, Model);

        var hits = await reopened.SearchAsync(Unit(1, 0, 0, 0), 10, new SearchFilter { Tenant = "acme" }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"acme {i}"), hits.Select(h => h.Chunk.Chunk.Text));
        Assert.Equal("exact", reopened.LastDenseScan);
        Assert.Equal(10, (await reopened.SearchAsync(Unit(1, 0, 0, 0), 10, new SearchFilter { Tenant = "globex" }, CancellationToken.None)).Count);
        Assert.Equal("index-checked", reopened.LastDenseScan); // most of the store is visible: the nearest vectors, their chunks filtered
    }

    private static float[] Unit(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return [.. values.Select(v => v / norm)];
    }

    private static async Task WriteAsync(PostgresChunkStore store, DocumentInfo document, params (string Text, float[] Vector)[] chunks)
    {
        await using var writer = await store.BeginDocumentAsync(document, CancellationToken.None);
        await writer.AddAsync([.. chunks.Select((c, i) => new EmbeddedChunk(new Chunk(i, c.Text, 0, c.Text.Length, string.Empty, 2), c.Vector))], CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(database.Url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
