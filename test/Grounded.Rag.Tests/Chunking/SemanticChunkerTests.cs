using Grounded.Documents;
using Grounded.Rag.Chunking;
using Grounded.Rag.Tests.Fakes;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Chunking;

public sealed class SemanticChunkerTests : IDisposable
{
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();

    public void Dispose() => _embedder.Dispose();

    private SemanticChunker Chunker(int tokens = 256, int minTokens = 16) =>
        new(_embedder, new ChunkingOptions { ChunkTokens = tokens, OverlapTokens = 0 }, new SemanticChunkingOptions { MinTokens = minTokens });

    private static string Topic(string a, string b, string c, int sentences) =>
        string.Join(' ', Enumerable.Range(0, sentences).Select(i => $"The {a} {(i % 2 == 0 ? b : c)} {a} {c} near the {b}."));

    [Fact]
    public async Task BreaksWhereTheTopicChanges()
    {
        var cats = Topic("cat", "whiskers", "purring", 8);
        var rockets = Topic("rocket", "booster", "orbit", 8);
        var tides = Topic("tide", "harbour", "moon", 8);
        var doc = new DocumentBuilder().Paragraph(cats + " " + rockets + " " + tides);

        var chunks = await ChunkAssert.ChunkAsync(Chunker(), doc.Blocks);

        Assert.Equal([cats, rockets, tides], chunks.Select(c => c.Text));
        ChunkAssert.OffsetsPointAtTheText(chunks, doc.Text);
    }

    [Fact]
    public async Task TheBudgetClosesAChunkEvenWithoutATopicChange()
    {
        var doc = new DocumentBuilder();
        foreach (var paragraph in Prose.Paragraphs(20, 6))
        {
            doc.Paragraph(paragraph);
        }

        var chunks = await ChunkAssert.ChunkAsync(Chunker(64), doc.Blocks);

        Assert.True(chunks.Count > 10);
        ChunkAssert.WithinBudget(chunks, 64);
        ChunkAssert.OffsetsPointAtTheText(chunks, doc.Text);
        ChunkAssert.NothingLost(chunks, doc.Text);
    }

    [Fact]
    public async Task OneGiantSentenceIsCutWithinTheBudget()
    {
        var doc = new DocumentBuilder().Paragraph(string.Join(' ', Enumerable.Repeat("harbour", 5_000)));

        var chunks = await ChunkAssert.ChunkAsync(Chunker(64), doc.Blocks);

        ChunkAssert.WithinBudget(chunks, 64);
        ChunkAssert.NothingLost(chunks, doc.Text);
    }

    [Fact]
    public async Task AnEmptyDocumentHasNoChunksAndEmbedsNothing()
    {
        Assert.Empty(await ChunkAssert.ChunkAsync(Chunker(), []));
        Assert.Equal(0, _embedder.TextsEmbedded);
    }

    [Fact]
    public async Task ASingleSentenceIsOneChunk()
    {
        var chunk = Assert.Single(await ChunkAssert.ChunkAsync(Chunker(), [new TextBlock("Only one sentence here.", ["Notes"], 7)]));

        Assert.Equal(("Only one sentence here.", 7L, "Notes"), (chunk.Text, chunk.StartOffset, chunk.HeadingPath));
    }
}
