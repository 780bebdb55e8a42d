using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Grounded.Documents;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class DocxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly DocxReader _reader = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadsAHeadingStyleParagraphAsAHeadingOverTheBody()
    {
        var path = WriteDocx(_dir.Combine("report.docx"));

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        var heading = blocks[0];
        Assert.Equal("Overview", heading.Text);
        Assert.True(heading.IsHeading);
        var body = Assert.Single(blocks, b => b.Text == "The pilot cut energy use by a third.");
        Assert.False(body.IsHeading);
        Assert.Equal(["Overview"], body.HeadingPath);
    }

    [Fact]
    public async Task ReadsEachTableRowAsOneBlockWithItsCellsSeparated()
    {
        var path = WriteDocx(_dir.Combine("report.docx"));

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["Site | Saving", "Oslo | 31%", "Lyon | 35%"], blocks.Skip(2).Select(b => b.Text));
        Assert.All(blocks.Skip(2), b => Assert.Equal(["Overview"], b.HeadingPath));
    }

    [Fact]
    public async Task RefusesRandomBytesAsNotAReadableDocx()
    {
        var bytes = new byte[4096];
        new Random(11).NextBytes(bytes);
        var path = _dir.Write("corrupt.docx", bytes);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.StartsWith("not a readable .docx file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAZipThatIsNotAWordDocument()
    {
        var path = _dir.Combine("archive.docx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            await using var entry = zip.CreateEntry("readme.txt").Open();
            await entry.WriteAsync("just a zip"u8.ToArray());
        }

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.Contains(".docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAZipBombFromItsDeclaredSizesBeforeInflatingIt()
    {
        var path = _dir.Write("bomb.docx", FuzzDocuments.Docx($"<w:p><w:r><w:t>{new string(' ', 4 << 20)}</w:t></w:r></w:p>"));

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.Matches(@"^the \.docx part word/document\.xml is compressed \d+:1; the limit is 100:1", error.Message);
    }

    [Fact]
    public async Task RefusesADocxWhoseDocumentIsNotWellFormedXml()
    {
        var path = _dir.Write("broken.docx", FuzzDocuments.Docx("<w:p><w:r><w:t>cut off</w:r>"));

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.StartsWith("not a readable .docx file", error.Message, StringComparison.Ordinal);
    }

    private static string WriteDocx(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(
            new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text("Overview"))),
            new Paragraph(new Run(new Text("The pilot cut energy use by a third."))),
            new Table(
                Row("Site", "Saving"),
                Row("Oslo", "31%"),
                Row("Lyon", "35%"))));
        main.Document.Save();
        return path;
    }

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(c => (OpenXmlElement)new TableCell(new Paragraph(new Run(new Text(c))))));
}
