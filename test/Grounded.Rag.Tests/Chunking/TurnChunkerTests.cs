using Grounded.Documents;
using Grounded.Rag.Chunking;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Chunking;

public sealed class TurnChunkerTests
{
    private static TurnChunker Chunker(int tokens = 96, bool blocksAreTurns = false) =>
        new(new ChunkingOptions { ChunkTokens = tokens, OverlapTokens = 8 }, blocksAreTurns: blocksAreTurns);

    private static List<string> Turns(int count, int seed = 1) =>
        Prose.Sentences(count * 2, seed).Chunk(2).Select((s, i) => $"{(i % 2 == 0 ? "User" : "Assistant")}: {string.Join(' ', s)}").ToList();

    [Fact]
    public async Task NeverSplitsATurnThatFitsTheBudget()
    {
        var turns = Turns(40);
        var doc = new DocumentBuilder().Paragraph(string.Join('\n', turns));

        var chunks = await ChunkAssert.ChunkAsync(Chunker(), doc.Blocks);

        Assert.True(chunks.Count > 5);
        Assert.All(turns, t => Assert.Single(chunks, c => c.Text.Split('\n').Contains(t)));
        Assert.All(chunks, c => Assert.Matches("^(User|Assistant): ", c.Text));
        ChunkAssert.WithinBudget(chunks, 96);
        ChunkAssert.Verbatim(chunks, doc.Text);
        ChunkAssert.NothingLost(chunks, doc.Text);
    }

    [Fact]
    public async Task ATurnThatSpansParagraphsStaysWhole()
    {
        var doc = new DocumentBuilder().Paragraph("User: What changed since the last harbour survey?").Paragraph("Assistant: Two things.").Paragraph("First, the tide tables.").Paragraph("User: And second?");

        var chunks = await ChunkAssert.ChunkAsync(Chunker(16), doc.Blocks);

        Assert.Equal("User: What changed since the last harbour survey?", chunks[0].Text);
        Assert.StartsWith("Assistant: Two things.\n\nFirst, the tide tables.", chunks[1].Text, StringComparison.Ordinal);
        ChunkAssert.WithinBudget(chunks, 16);
        ChunkAssert.OffsetsPointAtTheText(chunks, doc.Text);
    }

    [Fact]
    public async Task OneHugeTurnIsSplitWithinTheBudgetUnderItsSpeaker()
    {
        var huge = "Assistant: " + string.Join(' ', Prose.Sentences(200));
        var doc = new DocumentBuilder().Paragraph("User: Tell me everything.\n" + huge + "\nUser: Thanks.");

        var chunks = await ChunkAssert.ChunkAsync(Chunker(), doc.Blocks);

        Assert.Equal("User: Tell me everything.", chunks[0].Text);
        Assert.Equal("User: Thanks.", chunks[^1].Text);
        Assert.True(chunks.Count > 10);
        Assert.All(chunks.Skip(1).SkipLast(1), c => Assert.Equal("Assistant", c.HeadingPath));
        ChunkAssert.WithinBudget(chunks, 96);
        ChunkAssert.OffsetsPointAtTheText(chunks, doc.Text);
        ChunkAssert.NothingLost(chunks, doc.Text);
    }

    [Fact]
    public async Task BlocksReadFromJsonAreTurnsEvenWhenALineInsideLooksLikeALabel()
    {
        var blocks = new[] { new TextBlock("user: Summarise the memo.", [], 0), new TextBlock("assistant: Note: the memo is short.\nWarning: it is late.", [], 27) };

        var chunks = await ChunkAssert.ChunkAsync(Chunker(16, blocksAreTurns: true), blocks);

        Assert.Equal(["user: Summarise the memo.", "assistant: Note: the memo is short.\nWarning: it is late."], chunks.Select(c => c.Text));
    }

    [Fact]
    public async Task AnEmptyTranscriptHasNoChunks()
    {
        Assert.Empty(await ChunkAssert.ChunkAsync(Chunker(), []));
    }

    [Theory]
    [InlineData("User: hi\nAssistant: hello\nUser: how are you?\nAssistant: fine", true)]
    [InlineData("**Alice:** morning\n**Bob:** hi Alice\n**Alice:** coffee?", true)]
    [InlineData("[10:02] Alice: ready?\n[10:03] Bob: yes\n[10:04] Alice: go", true)]
    [InlineData("Apple: a fruit\nBanana: a yellow fruit\nCherry: a red fruit\nDate: a sweet fruit", false)]
    [InlineData("The harbour opens at six.\nShips dock at the east quay.\nSee https://example.org for times.", false)]
    [InlineData("", false)]
    public void RecognisesTranscriptsButNotGlossariesOrProse(string text, bool transcript)
    {
        Assert.Equal(transcript, TranscriptShape.Looks(text.Split('\n')));
    }

    [Fact]
    public async Task PlainTextThatReadsLikeATranscriptIsChunkedByTurnsAndProseByTokenWindows()
    {
        var options = new ChunkingOptions { ChunkTokens = 128, OverlapTokens = 8 };
        var transcript = new PlainTextChunker(new TurnChunker(options), new TokenWindowChunker(options));
        var prose = new PlainTextChunker(new TurnChunker(options), new TokenWindowChunker(options));

        var turns = await ChunkAssert.ChunkAsync(transcript, new DocumentBuilder().Paragraph(string.Join('\n', Turns(30))).Blocks);
        var windows = await ChunkAssert.ChunkAsync(prose, Prose.Paragraphs(10, 4).Select((p, i) => new TextBlock(p, [], i * 10_000L)));

        Assert.Equal("turns", transcript.Name);
        Assert.All(turns, c => Assert.Matches("^(User|Assistant): ", c.Text));
        Assert.Equal("tokens", prose.Name);
        Assert.True(windows.Count > 5);
    }
}
