using Grounded.Chunks;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Rag.Tests.Fakes;

namespace Grounded.Rag.Tests.Embed;

public sealed class ChunkWindowsTests
{
    private static Chunk Long(string context)
    {
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"Sentence number {i} talks about tides and the moon."));
        return new Chunk(0, text, 0, text.Length, context, TokenCounter.Default.Count(text)) { Context = context };
    }

    [Fact]
    public void AShortChunkIsOneWindowOfItsEmbeddingText()
    {
        var chunk = new Chunk(0, "Tides follow the moon.", 0, 22, "Guide", 5) { Context = "Guide" };

        Assert.Equal([chunk.EmbeddingText], ChunkWindows.Split(chunk));
    }

    [Fact]
    public void ALongChunkIsSplitIntoWholeSentenceWindowsThatEachCarryTheContext()
    {
        var windows = ChunkWindows.Split(Long("Guide > Tides"));

        Assert.True(windows.Count > 1);
        Assert.All(windows, w => Assert.StartsWith("Guide > Tides\n\nSentence number", w, StringComparison.Ordinal));
        Assert.All(windows, w => Assert.True(TokenCounter.Default.Count(w) <= ChunkWindows.WindowTokens + 16));
        Assert.Equal(60, windows.Sum(w => w.Split("Sentence number").Length - 1));
    }

    [Fact]
    public async Task EmbeddingConcatenatesOneVectorPerWindowInOrder()
    {
        using var embedder = new HashedBagOfWordsEmbeddingGenerator();
        var chunks = new[] { Long(string.Empty), new Chunk(1, "Short one.", 0, 10, string.Empty, 3) };

        var vectors = await ChunkWindows.EmbedAsync(embedder, chunks, CancellationToken.None);

        var dims = embedder.Profile.Dimensions;
        Assert.Equal(ChunkWindows.Split(chunks[0]).Count * dims, vectors[0].Length);
        Assert.Equal(dims, vectors[1].Length);
        var first = await embedder.GenerateAsync([ChunkWindows.Split(chunks[0])[0]]);
        Assert.Equal(first[0].Vector.ToArray(), vectors[0][..dims]);
    }
}
