using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class MarkdownReaderTests : IDisposable
{
    private const string Guide = """
        # Guide
        Intro paragraph.

        ## Install
        Run the installer
        and wait.

        ```bash
        # not a heading
        echo one

        echo two
        ```

        ### Details
        Deep text.

        ## Usage
        Use it daily.
        """;

    private readonly TempDirectory _dir = new();
    private readonly MarkdownReader _reader = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PutsEachParagraphUnderItsHeadingPath()
    {
        var path = _dir.Write("guide.md", Guide);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["Guide"], blocks.Single(b => b.Text == "Intro paragraph.").HeadingPath);
        Assert.Equal(["Guide", "Install"], blocks.Single(b => b.Text == "Run the installer\nand wait.").HeadingPath);
        Assert.Equal(["Guide", "Install", "Details"], blocks.Single(b => b.Text == "Deep text.").HeadingPath);
        Assert.Equal(["Guide", "Usage"], blocks.Single(b => b.Text == "Use it daily.").HeadingPath);
    }

    [Fact]
    public async Task MarksHeadingsAsHeadingBlocks()
    {
        var path = _dir.Write("guide.md", Guide);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["Guide", "Install", "Details", "Usage"], blocks.Where(b => b.IsHeading).Select(b => b.Text));
    }

    [Fact]
    public async Task KeepsAFencedCodeBlockWholeIncludingBlankLinesAndHashes()
    {
        var path = _dir.Write("guide.md", Guide);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        var code = Assert.Single(blocks, b => b.Text.Contains("echo one", StringComparison.Ordinal));
        Assert.Equal("```bash\n# not a heading\necho one\n\necho two\n```", code.Text);
        Assert.Equal(["Guide", "Install"], code.HeadingPath);
        Assert.DoesNotContain(blocks, b => b.Text == "not a heading");
    }

    [Fact]
    public async Task GivesOffsetsThatPointAtEachBlockInTheFile()
    {
        var path = _dir.Write("guide.md", Guide);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.All(blocks.Where(b => !b.IsHeading), b => Assert.Equal(b.Text, Guide.Substring((int)b.Offset, b.Text.Length)));
    }

    [Fact]
    public async Task FillsSkippedHeadingLevelsWithEmptyNames()
    {
        var path = _dir.Write("skip.md", "# Top\n\n### Deep\n\nBody.\n");

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["Top", "", "Deep"], blocks.Single(b => b.Text == "Body.").HeadingPath);
    }
}
