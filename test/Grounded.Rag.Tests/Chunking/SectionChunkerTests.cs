using Grounded.Rag.Chunking;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Chunking;

public sealed class SectionChunkerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SectionChunker Chunker(int tokens = 128, int overlap = 16) => new(new ChunkingOptions { ChunkTokens = tokens, OverlapTokens = overlap });

    [Fact]
    public async Task ShortSiblingSectionsUnderOneParentShareAChunkWithTheParentAsHeadingPath()
    {
        var doc = new DocumentBuilder()
            .Heading(1, "Guide").Heading(2, "Install").Paragraph("Run the installer.")
            .Heading(2, "Upgrade").Paragraph("Run the installer again.");

        var chunks = await ChunkAssert.ChunkAsync(Chunker(), doc.Blocks);

        var chunk = Assert.Single(chunks);
        Assert.Equal("Guide", chunk.HeadingPath);
        Assert.Equal("Guide\n\nInstall\n\nRun the installer.\n\nUpgrade\n\nRun the installer again.", chunk.Text);
    }

    [Fact]
    public async Task SectionsUnderDifferentParentsAreNotMergedEvenWhenTheyFit()
    {
        var intro = Prose.Paragraphs(1, 5)[0];
        var doc = new DocumentBuilder()
            .Heading(1, "Guide").Paragraph(intro)
            .Heading(2, "Install").Paragraph("Use the tarball.")
            .Heading(2, "Configure").Paragraph("Edit the settings file.")
            .Heading(1, "Reference").Heading(2, "Options").Paragraph("Every option has a default.");
        var budget = TokenCounter.Default.Count("Guide\n\n" + intro) + 4; // the intro section fills a chunk alone

        var chunks = await ChunkAssert.ChunkAsync(Chunker(budget), doc.Blocks);

        Assert.Equal(["Guide", "Guide", "Reference"], chunks.Select(c => c.HeadingPath));
        Assert.Equal("Install\n\nUse the tarball.\n\nConfigure\n\nEdit the settings file.", chunks[1].Text);
        Assert.Equal("Reference\n\nOptions\n\nEvery option has a default.", chunks[2].Text);
    }

    [Fact]
    public async Task ALongSectionIsSplitIntoChunksThatAllCarryItsHeadingPath()
    {
        var doc = new DocumentBuilder().Heading(1, "Manual").Heading(2, "Reference");
        foreach (var paragraph in Prose.Paragraphs(12, 5))
        {
            doc.Paragraph(paragraph);
        }

        doc.Heading(2, "Appendix").Paragraph("The end.");

        var chunks = await ChunkAssert.ChunkAsync(Chunker(), doc.Blocks);

        Assert.True(chunks.Count > 4);
        Assert.StartsWith("Manual\n\nReference\n\n", chunks[0].Text, StringComparison.Ordinal); // the bare title leads in, not a chunk of its own
        Assert.All(chunks.Skip(1).SkipLast(1), c => Assert.Equal("Manual > Reference", c.HeadingPath));
        Assert.Equal("Manual > Appendix", chunks[^1].HeadingPath);
        Assert.Equal("Appendix\n\nThe end.", chunks[^1].Text);
        ChunkAssert.WithinBudget(chunks, 128);
        ChunkAssert.OffsetsPointAtTheText(chunks, doc.Text);
        ChunkAssert.NothingLost(chunks, doc.Text);
    }

    [Fact]
    public async Task ADocumentOfHeadingsOnlyKeepsEveryHeading()
    {
        var doc = new DocumentBuilder();
        for (var i = 0; i < 60; i++)
        {
            doc.Heading(1 + (i % 3), $"Heading number {i}");
        }

        var chunks = await ChunkAssert.ChunkAsync(Chunker(64, 8), doc.Blocks);

        ChunkAssert.WithinBudget(chunks, 64);
        ChunkAssert.OffsetsPointAtTheText(chunks, doc.Text);
        ChunkAssert.NothingLost(chunks, doc.Text);
        Assert.Equal(60, chunks.Sum(c => c.Text.Split("\n\n").Length));
    }

    [Fact]
    public async Task AnEmptyDocumentHasNoChunks()
    {
        Assert.Empty(await ChunkAssert.ChunkAsync(Chunker(), []));
    }

    [Fact]
    public async Task MarkdownReadFromAFileKeepsTheInvariants()
    {
        var markdown = string.Join("\n\n", Enumerable.Range(0, 8).Select(i =>
            $"{new string('#', 1 + (i % 3))} Part {i}\n\n{string.Join("\n\n", Prose.Paragraphs(1 + (i % 4), 4, seed: i))}"));
        var path = _dir.Write("doc.md", markdown);

        var chunks = await Blocks.ToListAsync(Chunker(96, 16).ChunkAsync(new MarkdownReader().ReadAsync(path, CancellationToken.None), CancellationToken.None));

        ChunkAssert.WithinBudget(chunks, 96);
        ChunkAssert.NothingLost(chunks, markdown.Replace("#", " ", StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.Contains(c.Text.Split('\n')[0], markdown[(int)c.StartOffset..(int)c.EndOffset], StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGiantParagraphWithoutHeadingsStreamsThroughTokenWindows()
    {
        var doc = new DocumentBuilder().Paragraph(string.Join(' ', Enumerable.Repeat("word", 20_000)));

        var chunks = await ChunkAssert.ChunkAsync(Chunker(), doc.Blocks);

        ChunkAssert.WithinBudget(chunks, 128);
        ChunkAssert.NothingLost(chunks, doc.Text);
    }
}
