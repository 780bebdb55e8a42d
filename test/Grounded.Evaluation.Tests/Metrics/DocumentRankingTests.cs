using Grounded.Chunks;
using Grounded.Evaluation.Metrics;

namespace Grounded.Evaluation.Tests.Metrics;

public sealed class DocumentRankingTests
{
    [Fact]
    public void ADocumentIsListedOnceAndScoresAsItsBestChunk()
    {
        ScoredChunk[] hits = [Hit("a", 0.9), Hit("b", 0.8), Hit("a", 0.95), Hit("c", 0.5), Hit("b", 0.1)];

        var documents = DocumentRanking.FromChunks(hits, c => c.DocumentId);

        Assert.Equal(["a", "b", "c"], documents);
    }

    [Fact]
    public void ALaterChunkWithAHigherScoreMovesItsDocumentUp()
    {
        ScoredChunk[] hits = [Hit("a", 0.5), Hit("b", 0.4), Hit("b", 0.7)];

        Assert.Equal(["b", "a"], DocumentRanking.FromChunks(hits, c => c.DocumentId));
    }

    [Fact]
    public void TiedDocumentsKeepTheOrderTheyWereRetrievedIn()
    {
        ScoredChunk[] hits = [Hit("z", 0.5), Hit("a", 0.5)];

        Assert.Equal(["z", "a"], DocumentRanking.FromChunks(hits, c => c.DocumentId));
    }

    private static ScoredChunk Hit(string document, double score) =>
        new(new StoredChunk($"{document}-{score}", document, document + ".txt", new Chunk(0, "text", 0, 4, string.Empty, 1)), score);
}
