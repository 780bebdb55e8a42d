using System.Text.RegularExpressions;
using Grounded.Answers;
using Grounded.Chunks;
using Grounded.Rag.Answer;
using Grounded.Rag.Chunking;
using Grounded.Rag.Ingest;
using Grounded.Rag.Rerank;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Answer;

[Collection(nameof(ArcticXsFixture))]
public sealed partial class ExtractiveAnswererTests(ArcticXsFixture model)
{
    private const string Bread = "Bread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas. The gas is trapped by gluten.";
    private const string Tides = "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans. Most coasts see two high tides a day.";
    private const string Solar = "Solar panels convert sunlight into electricity using photovoltaic cells. Panels produce less power on cloudy days.";

    private readonly ExtractiveAnswerer _answerer = new(new SentenceScorer(model.Embedder));

    [Fact]
    public async Task QuotesTheSentenceThatAnswersAndCitesItsChunk()
    {
        var evidence = Evidence(("bread.md", Bread, 0.61), ("tides.txt", Tides, 0.58), ("solar.html", Solar, 0.40));

        var answer = await _answerer.GenerateAsync("What causes ocean tides?", evidence, CancellationToken.None);

        Assert.False(answer.Abstained);
        var cited = Assert.Single(answer.Citations, c => c.Source == "tides.txt");
        Assert.Contains($"Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans. [{cited.N}]", answer.Text, StringComparison.Ordinal);
        Assert.Equal((evidence[1].Chunk.Id, evidence[1].Chunk.DocumentId, Tides, 0.58), (cited.ChunkId, cited.DocumentId, cited.Text, cited.Score));
    }

    [Fact]
    public async Task NumbersCitationsFromOneInTheOrderTheAnswerUsesThem()
    {
        var evidence = Evidence(("tides.txt", Tides, 0.7), ("moon.txt", "The Moon's gravity pulls the oceans toward it, which raises the tides on the near side of Earth.", 0.69));

        var answer = await _answerer.GenerateAsync("Why does the Moon cause tides?", evidence, CancellationToken.None);

        var markers = MarkerPattern().Matches(answer.Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.NotEmpty(markers);
        Assert.Equal(Enumerable.Range(1, markers.Count), markers);
        Assert.Equal(markers, answer.Citations.Select(c => c.N));
    }

    [Fact]
    public async Task AbstainsWhenTheEvidenceDoesNotAnswerTheQuestion()
    {
        var evidence = Evidence(("bread.md", Bread, 0.2), ("solar.html", Solar, 0.19));

        var answer = await _answerer.GenerateAsync("What is the capital city of Australia?", evidence, CancellationToken.None);

        Assert.Equal(GeneratedAnswer.Abstain(), answer with { Citations = [] });
        Assert.Empty(answer.Citations);
        Assert.Equal("The indexed documents do not answer this.", answer.Text);
    }

    [Fact]
    public async Task AbstainsWithoutEvidence()
    {
        var answer = await _answerer.GenerateAsync("What causes ocean tides?", [], CancellationToken.None);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AbstainsWhenTheEvidenceHoldsNoSentenceLongEnoughToQuote()
    {
        var answer = await _answerer.GenerateAsync("What causes ocean tides?", Evidence(("tides.txt", "Moon. Tides. Gravity.", 0.9)), CancellationToken.None);

        Assert.True(answer.Abstained);
    }

    [Fact]
    public async Task QuotesAHardWrappedPlainTextSourceWithSingleSpacesAndCitesItsChunkAsStored()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("release-notes.txt", """
            Version 2 makes configuration errors much more obvious    to the end user, because a
            missing    setting now stops the program at start-up with a message that
            names the setting and the file it was expected in.

            Version 2 also starts faster on machines with many cores.
            """);
        var blocks = new PlainTextReader().ReadAsync(path, CancellationToken.None);
        var chunks = await Blocks.ToListAsync(new TokenWindowChunker(new ChunkingOptions()).ChunkAsync(blocks, CancellationToken.None));
        var evidence = chunks.Select((c, i) => new ScoredChunk(new StoredChunk($"notes-{i:00000}", "notes", "release-notes.txt", c), 0.7)).ToList();

        var answer = await _answerer.GenerateAsync("How does version 2 make configuration errors more obvious to the end user?", evidence, CancellationToken.None);

        Assert.False(answer.Abstained);
        Assert.Contains(
            "Version 2 makes configuration errors much more obvious to the end user, because a missing setting now stops the program at start-up with a message that names the setting and the file it was expected in. [1]",
            answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', answer.Text);
        var cited = Assert.Single(answer.Citations);
        Assert.Equal(chunks[0].Text, cited.Text);
        Assert.Contains("obvious    to the end user, because a\nmissing    setting", cited.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void IsNamedExtractive() => Assert.Equal("extractive", _answerer.Name);

    [Fact]
    public async Task NeverQuotesAHeadingAsIfTheDocumentsSaidIt()
    {
        var page = "Troubleshooting\n\nGrounded abstains on a question you expected it to answer\n\nAn abstention means the best sentence in the retrieved chunks was not relevant enough to the question. Run grounded search with the same question to see what was retrieved.";
        var answerer = new ExtractiveAnswerer(new SentenceScorer(model.Embedder), new ExtractiveOptions { AbstainBelow = 0, Abstention = null });

        var answer = await answerer.GenerateAsync("Why does Grounded abstain on a question I expected it to answer?", Evidence(("troubleshooting.md", page, 0.9)), CancellationToken.None);

        Assert.False(answer.Abstained);
        Assert.DoesNotContain("you expected it to answer", answer.Text, StringComparison.Ordinal);
        Assert.Equal("troubleshooting.md", Assert.Single(answer.Citations).Source);
    }

    private static List<ScoredChunk> Evidence(params (string Source, string Text, double Score)[] hits) =>
        hits.Select((h, i) => new ScoredChunk(
            new StoredChunk($"doc{i}-00000", $"doc{i}", h.Source, new Chunk(0, h.Text, 0, h.Text.Length, string.Empty, 30)), h.Score)).ToList();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex MarkerPattern();
}
