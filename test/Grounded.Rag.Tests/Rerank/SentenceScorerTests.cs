using Grounded.Chunks;
using Grounded.Rag.Embed;
using Grounded.Rag.Rerank;
using Grounded.Rag.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Tests.Rerank;

public sealed class SentenceScorerTests : IDisposable
{
    private const string Question = "When did ferrets lose weight after infection?";
    private const string WordyDistractor = "Ferrets lose weight after infection with many viruses, the review said.";
    private const string Answer = "Within three days the animals were visibly thinner.";

    // Similarity alone, so the test sees what the second model changes.
    private static readonly SentenceRelevance SimilarityOnly = new() { CoverageWeight = 0, ChunkCoverageWeight = 0 };

    private readonly HashedBagOfWordsEmbeddingGenerator _first = new();

    public void Dispose() => _first.Dispose();

    [Theory]
    [InlineData("Abstention\n\nAbstention means that Grounded declines to answer a question.", "Abstention", true)]
    [InlineData("Intro.\n\nGrounded abstains on a question you expected it to answer\n\nAn abstention means the evidence was weak.", "Grounded abstains on a question you expected it to answer", true)]
    [InlineData("Grounded abstains when the evidence is weak.\n\nMore text follows here.", "Grounded abstains when the evidence is weak.", false)]
    [InlineData("Grounded abstains when the evidence is weak and this line wraps\nonto the next line.", "Grounded abstains when the evidence is weak and this line wraps\nonto the next line.", false)]
    public void TellsAHeadingFromASentence(string text, string span, bool heading) =>
        Assert.Equal(heading, SentenceScorer.IsHeading(text, text.IndexOf(span, StringComparison.Ordinal), span.Length));

    [Fact]
    public async Task AHeadingCountsAsEvidenceButIsNeverOfferedForQuoting()
    {
        var text = "Troubleshooting.\n\nGrounded abstains on a question you expected it to answer\n\nAn abstention means the best sentence was not relevant enough.\n\n```bash grounded search \"the same question\" --json";
        var evidence = new[] { new ScoredChunk(new StoredChunk("doc-00000", "doc", "troubleshooting.md", new Chunk(0, text, 0, text.Length, string.Empty, 30)), 1) };

        var scores = await new SentenceScorer(_first).ScoreAsync("Why does Grounded abstain on a question I expected it to answer?", evidence, CancellationToken.None);

        Assert.False(Assert.Single(scores, s => s.Text.StartsWith("Grounded abstains on", StringComparison.Ordinal)).IsQuotable);
        Assert.False(Assert.Single(scores, s => s.Text.StartsWith("```", StringComparison.Ordinal)).IsQuotable);
        Assert.True(Assert.Single(scores, s => s.Text.StartsWith("An abstention means", StringComparison.Ordinal)).IsQuotable);
    }

    [Fact]
    public async Task WithoutASecondModelTheSentenceSharingTheQuestionsWordsWins()
    {
        var scores = await new SentenceScorer(_first, weights: SimilarityOnly).ScoreAsync(Question, Evidence(), CancellationToken.None);

        Assert.Equal(WordyDistractor, scores.MaxBy(s => s.Relevance)!.Text);
    }

    [Fact]
    public async Task ASecondModelsSimilarityIsAveragedInAndCanChangeWhichSentenceAnswers()
    {
        var alone = await new SentenceScorer(_first, weights: SimilarityOnly).ScoreAsync(Question, Evidence(), CancellationToken.None);
        using var second = new KnowsTheAnswer();

        var both = await new SentenceScorer(_first, weights: SimilarityOnly, second: second).ScoreAsync(Question, Evidence(), CancellationToken.None);

        Assert.Equal(Answer, both.MaxBy(s => s.Relevance)!.Text);
        foreach (var (one, mean) in alone.Zip(both))
        {
            var expected = (0.5 * one.Similarity) + (0.5 * (mean.Text == Answer ? 1 : 0));
            Assert.Equal(expected, mean.Similarity, 5);
        }
    }

    [Fact]
    public async Task AZeroWeightLeavesTheSecondModelUnused()
    {
        using var second = new KnowsTheAnswer();

        var scores = await new SentenceScorer(_first, weights: SimilarityOnly with { SecondModelWeight = 0 }, second: second).ScoreAsync(Question, Evidence(), CancellationToken.None);

        Assert.Equal(WordyDistractor, scores.MaxBy(s => s.Relevance)!.Text);
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public async Task LooksUpEachTermsChunkFrequencyByTheWordTheQuestionWrote()
    {
        // The index stems "diseases" its own way; our crude term "diseas" would be found in no chunk and weigh as the rarest.
        var statistics = new RecordingStatistics();

        await new SentenceScorer(_first, statistics).ScoreAsync("Which diseases were estimated?", Evidence(), CancellationToken.None);

        Assert.Equal(["diseases", "estimated"], statistics.Asked.Order());
    }

    [Fact]
    public async Task QuotesAHardWrappedSentenceWithSingleSpacesAndLeavesTheChunkTextAsStored()
    {
        const string wrapped = "Errors should be made\nmore obvious    to the end user,\tand logged\n   in full. A second sentence follows here.";
        var chunk = new Chunk(0, wrapped, 120, 120 + wrapped.Length, string.Empty, 20);
        List<ScoredChunk> evidence = [new(new StoredChunk("d0-0", "d0", "notes.txt", chunk), 1.0)];

        var scores = await new SentenceScorer(_first).ScoreAsync("How should errors be shown?", evidence, CancellationToken.None);

        Assert.Equal(["Errors should be made more obvious to the end user, and logged in full.", "A second sentence follows here."], scores.Select(s => s.Text));
        Assert.Same(chunk, evidence[0].Chunk.Chunk);
        Assert.Equal((wrapped, 120L), (chunk.Text, chunk.StartOffset));
    }

    private static List<ScoredChunk> Evidence() =>
    [
        new(new StoredChunk("d0-0", "d0", "review.txt", new Chunk(0, WordyDistractor, 0, WordyDistractor.Length, string.Empty, 15)), 1.0),
        new(new StoredChunk("d1-0", "d1", "study.txt", new Chunk(0, Answer, 0, Answer.Length, string.Empty, 10)), 0.9),
    ];

    private sealed class RecordingStatistics : Grounded.Storage.ITermStatistics
    {
        public List<string> Asked { get; } = [];

        public Task<Grounded.Storage.TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
        {
            Asked.AddRange(terms);
            return Task.FromResult(new Grounded.Storage.TermStatistics(10, terms.ToDictionary(t => t, _ => 1L)));
        }
    }

    // A second model that sees the question and the answering sentence as the same thing, and everything else as unrelated.
    private sealed class KnowsTheAnswer : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Calls { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v =>
                new Embedding<float>(v is Question or Answer ? new float[] { 1, 0 } : [0, 1]))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingModelProfile) ? new EmbeddingModelProfile("knows-the-answer", 2, string.Empty, 512, EmbeddingPooling.Mean) : null;

        public void Dispose()
        {
        }
    }
}
