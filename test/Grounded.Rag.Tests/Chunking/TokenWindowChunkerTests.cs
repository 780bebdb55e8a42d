using Grounded.Chunks;
using Grounded.Documents;
using Grounded.Rag.Chunking;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Chunking;

public sealed class TokenWindowChunkerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(16, 0)]
    [InlineData(64, 16)]
    [InlineData(128, 32)]
    [InlineData(512, 64)]
    public async Task NoChunkIsLongerThanTheWindowWhenCountedAgain(int chunkTokens, int overlap)
    {
        var blocks = Prose.Paragraphs(40, 6).Select((p, i) => new TextBlock(p, [], i * 10_000L));

        var chunks = await ChunkAsync(blocks, chunkTokens, overlap);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.InRange(TokenCounter.Default.Count(c.Text), 1, chunkTokens));
    }

    [Fact]
    public async Task RepeatsTrailingWholeSentencesOfThePreviousChunkWithinTheOverlap()
    {
        var sentences = Prose.Sentences(120);
        var blocks = new[] { new TextBlock(string.Join(' ', sentences), [], 0) };

        var chunks = await ChunkAsync(blocks, 96, 24);

        Assert.True(chunks.Count > 5);
        for (var i = 1; i < chunks.Count; i++)
        {
            var previous = SentencesOf(chunks[i - 1].Text);
            var next = SentencesOf(chunks[i].Text);
            Assert.All(next, s => Assert.Contains(s, sentences)); // whole sentences only
            var shared = Enumerable.Range(1, Math.Min(previous.Count, next.Count)).LastOrDefault(k => previous.TakeLast(k).SequenceEqual(next.Take(k)));
            Assert.InRange(next.Take(shared).Sum(s => TokenCounter.Default.Count(s)), 0, 24);

            // Nothing is repeated only when the last sentence is longer than the overlap or cannot sit beside the next one.
            var last = Budget(previous[^1]);
            if (previous.Count > 1 && last <= 24 && last + Budget(next[0]) <= 96)
            {
                Assert.True(shared > 0, $"chunk {i} repeats nothing of chunk {i - 1}");
            }
        }
    }

    [Fact]
    public async Task WithoutOverlapEverySentenceAppearsExactlyOnceAndInOrder()
    {
        var sentences = Prose.Sentences(150, seed: 3);
        var blocks = Prose.Sentences(150, seed: 3).Chunk(5).Select((p, i) => new TextBlock(string.Join(' ', p), [], i * 1000L));

        var chunks = await ChunkAsync(blocks, 64, 0);

        Assert.Equal(sentences, chunks.SelectMany(c => SentencesOf(c.Text)));
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public async Task BreaksBeforeAHeadingAndCarriesNothingAcrossIt()
    {
        const string intro = "Grounded answers questions from your own documents. It quotes the sentences that answer and cites each source. "
                             + "When nothing in them answers the question, it says so plainly instead of guessing.";
        const string details = "The index lives in one SQLite file. Chunks are embedded once and cached by content hash.";
        TextBlock[] blocks =
        [
            new("Intro", ["Intro"], 0, IsHeading: true),
            new(intro, ["Intro"], 7),
            new("Details", ["Intro", "Details"], 1000, IsHeading: true),
            new(details, ["Intro", "Details"], 1010),
        ];
        Assert.InRange(TokenCounter.Default.Count(intro), 32, 60); // more than a quarter window before the heading
        Assert.InRange(TokenCounter.Default.Count(intro + details), 32, 100); // but everything would fit one window

        var chunks = await ChunkAsync(blocks, 128, 32);

        Assert.Equal(2, chunks.Count);
        Assert.Equal("Intro\n\n" + intro, chunks[0].Text);
        Assert.Equal("Details\n\n" + details, chunks[1].Text);
        Assert.Equal("Intro > Details", chunks[1].HeadingPath);
    }

    [Fact]
    public async Task KeepsTheHeadingPathTheChunkStartsUnderSkippingEmptyLevels()
    {
        TextBlock[] blocks =
        [
            new("Guide", ["Guide"], 0, IsHeading: true),
            new(string.Join(' ', Prose.Sentences(30, seed: 8)), ["Guide"], 10),
            new("Deep", ["Guide", "", "Deep"], 5000, IsHeading: true),
            new(string.Join(' ', Prose.Sentences(30, seed: 9)), ["Guide", "", "Deep"], 5010),
        ];

        var chunks = await ChunkAsync(blocks, 128, 16);

        Assert.Equal("Guide", chunks[0].HeadingPath);
        Assert.Equal("Guide > Deep", chunks[^1].HeadingPath);
        var first = chunks.First(c => c.Text.StartsWith("Deep", StringComparison.Ordinal));
        Assert.Equal("Guide > Deep", first.HeadingPath);
        Assert.All(chunks.TakeWhile(c => c != first), c => Assert.Equal("Guide", c.HeadingPath));
    }

    [Fact]
    public async Task OffsetsPointAtTheChunksTextInATextFile()
    {
        var source = string.Join("\n\n", Prose.Paragraphs(30, 5, seed: 4)) + "\n";
        var path = _dir.Write("source.txt", source);
        var chunker = new TokenWindowChunker(new ChunkingOptions { ChunkTokens = 100, OverlapTokens = 20 });

        var chunks = await Blocks.ToListAsync(chunker.ChunkAsync(new PlainTextReader().ReadAsync(path, CancellationToken.None), CancellationToken.None));

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.Equal(c.Text, source[(int)c.StartOffset..(int)c.EndOffset]));
    }

    [Fact]
    public async Task CutsASentenceLongerThanTheWindowIntoPiecesThatFit()
    {
        var words = Enumerable.Range(0, 3000).Select(i => $"token{i}").ToArray();
        var sentence = string.Join(' ', words);
        var blocks = new[] { new TextBlock(sentence, [], 0) };

        var chunks = await ChunkAsync(blocks, 64, 0);

        Assert.True(chunks.Count > 10);
        Assert.All(chunks, c => Assert.InRange(TokenCounter.Default.Count(c.Text), 1, 64));
        Assert.Equal(words, chunks.SelectMany(c => c.Text.Split(' ')));
        Assert.All(chunks, c => Assert.Equal(c.Text, sentence[(int)c.StartOffset..(int)c.EndOffset]));
    }

    [Fact]
    public async Task YieldsTheFirstChunkBeforeReadingEveryBlock()
    {
        var read = 0;
        async IAsyncEnumerable<TextBlock> Endless()
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                read++;
                await Task.Yield();
                yield return new TextBlock($"Paragraph {i} holds a short sentence about rivers and engines.", [], i * 100L);
            }
        }

        var chunker = new TokenWindowChunker(new ChunkingOptions { ChunkTokens = 64, OverlapTokens = 8 });
        await using var chunks = chunker.ChunkAsync(Endless(), CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await chunks.MoveNextAsync());
        Assert.InRange(read, 1, 20);
    }

    [Fact]
    public void RefusesInvalidOptionsListingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new TokenWindowChunker(new ChunkingOptions { ChunkTokens = 8, OverlapTokens = 8 }));

        Assert.Contains("the chunk size must be between 16 and 8192 tokens (got 8)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the overlap must be at least 0 tokens and less than the chunk size (got 8 with 8)", error.Message, StringComparison.Ordinal);
    }

    private static Task<List<Chunk>> ChunkAsync(IEnumerable<TextBlock> blocks, int chunkTokens, int overlap)
    {
        var chunker = new TokenWindowChunker(new ChunkingOptions { ChunkTokens = chunkTokens, OverlapTokens = overlap });
        return Blocks.ToListAsync(chunker.ChunkAsync(Blocks.Stream(blocks), CancellationToken.None));
    }

    private static List<string> SentencesOf(string text) =>
        SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToList();

    // What the chunker charges a sentence that follows another in the same paragraph.
    private static int Budget(string sentence) => Math.Max(TokenCounter.Default.Count(sentence), TokenCounter.Default.Count(" " + sentence));
}
