using Grounded.Chunks;
using Grounded.Rag.Embed;
using Grounded.Storage;

namespace Grounded.Postgres.Tests;

public sealed class PostgresTermStatisticsTests
{
    private static readonly EmbeddingModelProfile Model = new("term-statistics-model", 4, string.Empty, 512);

    [SkippableFact]
    public async Task CountsTheChunksContainingEachTermStemmedAndAsAPhrase()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var store = await PostgresChunkStore.OpenAsync(database.Url, Model);
        var writer = await store.BeginDocumentAsync(new("doc1", "a.txt", "v1", 0, default), CancellationToken.None);
        await using (writer)
        {
            string[] texts = ["Tides rise twice a day.", "The tide is high; sars-cov-2 spreads.", "Nothing here."];
            await writer.AddAsync(texts.Select((t, i) => new EmbeddedChunk(new Chunk(i, t, 0, t.Length, string.Empty, 5), new float[] { 1, 0, 0, 0 })).ToList(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        var stats = await store.GetTermStatisticsAsync(["tide", "sars-cov-2", "cov sars", "absent", "!!"], CancellationToken.None);

        Assert.Equal(3, stats.Chunks);
        Assert.Equal(2, stats.ChunkFrequency["tide"]);
        Assert.Equal(1, stats.ChunkFrequency["sars-cov-2"]);
        Assert.Equal(0, stats.ChunkFrequency["cov sars"]);
        Assert.Equal(0, stats.ChunkFrequency["absent"]);
        Assert.False(stats.ChunkFrequency.ContainsKey("!!"));
    }
}
