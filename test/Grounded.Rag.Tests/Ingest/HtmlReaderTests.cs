using System.Text;
using Grounded.Documents;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class HtmlReaderTests : IDisposable
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head><title>Page title</title><style>.x { color: red }</style><script>var secretToken = 1;</script></head>
        <body>
        <nav><a href="/">Home link</a></nav>
        <h1>Manual</h1>
        <p>Welcome, <b>reader</b>.</p>
        <script>alert("hiddenScript")</script>
        <h2>Setup</h2>
        <ul><li>First step</li><li>Second step</li></ul>
        <table><tr><th>Name</th><th>Value</th></tr><tr><td>alpha</td><td>42</td></tr></table>
        <h2>Usage</h2>
        <div>Loose text <span>inline</span><style>p { margin: 0 }</style><p>Nested paragraph.</p></div>
        </body></html>
        """;

    private readonly TempDirectory _dir = new();
    private readonly HtmlReader _reader = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task PutsTextUnderItsHeadingPath()
    {
        var path = _dir.Write("manual.html", Page);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["Manual"], blocks.Single(b => b.Text == "Welcome, reader.").HeadingPath);
        Assert.Equal(["Manual", "Setup"], blocks.Single(b => b.Text == "First step").HeadingPath);
        Assert.Equal(["Manual", "Usage"], blocks.Single(b => b.Text == "Nested paragraph.").HeadingPath);
        Assert.Equal(["Manual", "Setup", "Usage"], blocks.Where(b => b.IsHeading).Select(b => b.Text));
    }

    [Fact]
    public async Task DropsScriptsStylesNavigationAndTheHead()
    {
        var path = _dir.Write("manual.html", Page);

        var text = string.Join("\n", (await Blocks.ReadAllAsync(_reader, path)).Select(b => b.Text));

        Assert.DoesNotContain("secretToken", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hiddenScript", text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", text, StringComparison.Ordinal);
        Assert.DoesNotContain("margin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home link", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Page title", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsListItemsAsSeparateBlocks()
    {
        var path = _dir.Write("manual.html", Page);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Contains(blocks, b => b.Text == "First step");
        Assert.Contains(blocks, b => b.Text == "Second step");
    }

    [Fact]
    public async Task KeepsTableCellsApartEvenWhenTheMarkupHasNoWhitespace()
    {
        var path = _dir.Write("manual.html", Page);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        var words = blocks.SelectMany(b => b.Text.Split(' ', '|')).Where(w => w.Length > 0).ToList();
        Assert.Contains("Name", words);
        Assert.Contains("Value", words);
        Assert.Contains("alpha", words);
        Assert.Contains("42", words);
        Assert.All(blocks.Where(b => b.Text.Contains("alpha", StringComparison.Ordinal)), b => Assert.Equal(["Manual", "Setup"], b.HeadingPath));
    }

    [Fact]
    public async Task KeepsLooseTextBesideNestedBlocks()
    {
        var path = _dir.Write("manual.html", Page);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Contains(blocks, b => b.Text == "Loose text inline");
    }

    [Fact]
    public async Task ReadsAPageThatIsNotUtf8InTheCharsetItDeclares()
    {
        const string html = "<html><head><meta charset=\"iso-8859-2\"></head><body><p>Zażółć gęślą jaźń.</p></body></html>";
        var path = _dir.Write("pl.html", CodePagesEncodingProvider.Instance.GetEncoding("iso-8859-2")!.GetBytes(html));

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal("iso-8859-2", (await _reader.DetectEncodingAsync(path, CancellationToken.None)).Name);
        Assert.Equal("Zażółć gęślą jaźń.", Assert.Single(blocks).Text);
    }
    [Fact]
    public async Task RefusesAPageNestedDeeperThanTheLimitNamingIt()
    {
        var path = _dir.Write("deep.html", "<html><body>" + string.Concat(Enumerable.Repeat("<div>x", HtmlNesting.MaxDepth + 1)) + "</body></html>");

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.Equal("the HTML nests elements more than 512 levels deep; the limit is 512", error.Message);
    }

    [Fact]
    public async Task ReadsAPageNestedJustWithinTheLimitAndOneWithThousandsOfUnclosedParagraphs()
    {
        var nested = _dir.Write("nested.html", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", HtmlNesting.MaxDepth - 2)) + "deep text</body></html>");
        var sloppy = _dir.Write("sloppy.html", "<html><body><ul>" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"<li><p>item {i}<br><img src=x>")) + "</ul></body></html>");

        Assert.Contains(await Blocks.ReadAllAsync(_reader, nested), b => b.Text == "deep text");
        Assert.Equal(5000, (await Blocks.ReadAllAsync(_reader, sloppy)).Count(b => b.Text.StartsWith("item ", StringComparison.Ordinal)));
    }

}
