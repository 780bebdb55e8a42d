using Grounded.Chunks;
using Grounded.Rag.Rerank;
using Grounded.Rag.Tests.Fakes;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Rerank;

public sealed class SentenceRerankerTests : IDisposable
{
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();

    public void Dispose() => _embedder.Dispose();

    [Fact]
    public async Task AChunkWithOneSentenceThatAnswersRisesAboveABroadlyOnTopicChunk()
    {
        var candidates = Chunks(
            "Ferrets and mice and hamsters were studied. Many animals were studied over several years in the laboratory.",
            "The weather was mild that spring. Ferrets infected with H5N1 lost weight within three days.");
        var reranker = new SentenceReranker(new SentenceScorer(_embedder));

        var reranked = await reranker.RerankAsync("How quickly did ferrets infected with H5N1 lose weight?", candidates, 2, CancellationToken.None);

        Assert.Equal([candidates[1].Chunk.Id, candidates[0].Chunk.Id], reranked.Select(r => r.Chunk.Id));
        Assert.True(reranked[0].Score > reranked[1].Score);
    }

    [Fact]
    public async Task KeepsOnlyTopKAndPutsChunksWithoutQuotableSentencesLast()
    {
        var candidates = Chunks("Tiny. Bits.", "Masks reduce droplet transmission in hospital wards.", "Masks were worn by most of the staff on the wards.");
        var reranker = new SentenceReranker(new SentenceScorer(_embedder));

        var reranked = await reranker.RerankAsync("Do masks reduce droplet transmission?", candidates, 2, CancellationToken.None);

        Assert.Equal(2, reranked.Count);
        Assert.DoesNotContain(reranked, r => r.Chunk.Id == candidates[0].Chunk.Id);
    }

    [Fact]
    public async Task RareQuestionTermsInAChunkCountMoreThanCommonOnes()
    {
        var statistics = new FixedStatistics(1000, new() { ["protein"] = 900, ["ns1"] = 3 });
        var question = QuestionTerms("protein ns1");

        var rare = SentenceScorer.WeightedCoverage(question, QuestionTerms("the ns1 gene"), await statistics.GetTermStatisticsAsync(question, CancellationToken.None));
        var common = SentenceScorer.WeightedCoverage(question, QuestionTerms("the protein fold"), await statistics.GetTermStatisticsAsync(question, CancellationToken.None));

        Assert.True(rare > 0.8, $"rare-term coverage {rare}");
        Assert.True(common < 0.2, $"common-term coverage {common}");
    }

    [Fact]
    public void WithoutStatisticsEveryTermWeighsTheSame()
    {
        var coverage = SentenceScorer.WeightedCoverage(QuestionTerms("virus ns1"), QuestionTerms("the virus spread"), TermStatistics.None);

        Assert.Equal(0.5, coverage, 9);
    }

    private static HashSet<string> QuestionTerms(string text) => Grounded.Rag.Answer.QueryTerms.Of(text);

    private static List<ScoredChunk> Chunks(params string[] texts) =>
        texts.Select((t, i) => new ScoredChunk(new StoredChunk($"doc{i}-00000", $"doc{i}", $"doc{i}.txt", new Chunk(0, t, 0, t.Length, string.Empty, 20)), 1.0 / (i + 1))).ToList();

    private sealed class FixedStatistics(long chunks, Dictionary<string, long> frequency) : ITermStatistics
    {
        public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken) =>
            Task.FromResult(new TermStatistics(chunks, frequency));
    }
}

public sealed class MmrRerankerTests
{
    [Fact]
    public async Task ANearDuplicateGivesWayToAChunkThatAddsSomething()
    {
        var candidates = Chunks(
            ("Masks reduce droplet transmission in hospital wards during outbreaks.", 1.0),
            ("Masks reduce droplet transmission in hospital wards during outbreaks of influenza.", 0.95),
            ("Hand washing lowers contact transmission between patients.", 0.7));

        var plain = await new MmrReranker(1.0).RerankAsync("transmission", candidates, 2, CancellationToken.None);
        var diverse = await new MmrReranker(0.3).RerankAsync("transmission", candidates, 2, CancellationToken.None);

        Assert.Equal(["c0", "c1"], plain.Select(c => c.Chunk.Id));
        Assert.Equal(["c0", "c2"], diverse.Select(c => c.Chunk.Id));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void RefusesALambdaOutsideZeroToOne(double lambda) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new MmrReranker(lambda));

    private static List<ScoredChunk> Chunks(params (string Text, double Score)[] chunks) =>
        chunks.Select((c, i) => new ScoredChunk(new StoredChunk($"c{i}", $"d{i}", $"d{i}.txt", new Chunk(0, c.Text, 0, c.Text.Length, string.Empty, 10)), c.Score)).ToList();
}
