using Grounded.Chunks;
using Grounded.Rag.Answer;
using Grounded.Rag.Rerank;
using Grounded.Rag.Tests.Fakes;

namespace Grounded.Rag.Tests.Answer;

public sealed class EvidenceCompressorTests : IDisposable
{
    private const string Question = "How long do ferrets shed the virus after infection?";
    private readonly HashedBagOfWordsEmbeddingGenerator _embedder = new();

    public void Dispose() => _embedder.Dispose();

    [Fact]
    public async Task EvidenceWithinTheBudgetIsLeftAlone()
    {
        var evidence = Evidence();

        var (kept, before, after) = await Compressor(budget: 10_000).CompressAsync(Question, evidence, CancellationToken.None);

        Assert.Same(evidence, kept);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task OverTheBudgetEachChunkKeepsItsMostRelevantSentencesAndStaysItsOwnSource()
    {
        var (kept, before, after) = await Compressor(budget: 30).CompressAsync(Question, Evidence(), CancellationToken.None);

        Assert.True(after <= 30, $"{after} tokens kept");
        Assert.True(before > after);
        var shedding = Assert.Single(kept, k => k.Chunk.Chunk.Text.Contains("shed the virus for up to eight days", StringComparison.Ordinal));
        Assert.Equal("ferrets.txt", shedding.Chunk.Source);
        Assert.Equal("d1-0", shedding.Chunk.Id);
        Assert.DoesNotContain(kept, k => k.Chunk.Chunk.Text.Contains("bakery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASentenceRepeatingOneAlreadyKeptIsLeftOut()
    {
        const string Shed = "Infected ferrets shed the virus for up to eight days after infection.";
        List<ScoredChunk> evidence = [Scored("a", "a.txt", Shed + " The weather was mild that spring in the lab town."), Scored("b", "b.txt", Shed + " Cages were cleaned every single morning by the staff.")];

        var (kept, _, _) = await Compressor(budget: 30).CompressAsync(Question, evidence, CancellationToken.None);

        Assert.Equal(1, kept.Sum(k => CountOf(k.Chunk.Chunk.Text, "shed the virus")));
    }

    private EvidenceCompressor Compressor(int budget) => new(new SentenceScorer(_embedder), budget, text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static List<ScoredChunk> Evidence() =>
    [
        Scored("d0-0", "bakery.txt", "The bakery opens at seven in the morning every day. Its rye bread sells out before noon on most weekends."),
        Scored("d1-0", "ferrets.txt", "The study followed forty animals over a month in two labs. Infected ferrets shed the virus for up to eight days after infection. Their weight was measured twice a day by the keepers."),
        Scored("d2-0", "weather.txt", "Spring in the valley was mild and unusually dry this year. Rain fell on only four days in April and May together."),
    ];

    private static ScoredChunk Scored(string id, string source, string text) =>
        new(new StoredChunk(id, id.Split('-')[0], source, new Chunk(0, text, 0, text.Length, string.Empty, text.Split(' ').Length)), 1.0);
}
