using Grounded.Rag.Ingest;

namespace Grounded.Rag.Tests.Ingest;

public sealed class DocumentReadersTests
{
    [Theory]
    [InlineData("notes.txt", typeof(PlainTextReader))]
    [InlineData("README.MD", typeof(MarkdownReader))]
    [InlineData("page.htm", typeof(HtmlReader))]
    [InlineData("paper.PDF", typeof(PdfReader))]
    [InlineData("report.docx", typeof(DocxReader))]
    public void ChoosesTheReaderByExtensionIgnoringCase(string file, Type expected) =>
        Assert.IsType(expected, DocumentReaders.Default.For(Path.Combine("some", "folder", file)));

    [Theory]
    [InlineData("image.png")]
    [InlineData("archive.doc")]
    [InlineData("Makefile")]
    public void HasNoReaderForOtherFiles(string file) =>
        Assert.Null(DocumentReaders.Default.For(file));

    [Fact]
    public void LetsALaterReaderTakeOverAnExtension()
    {
        var readers = new DocumentReaders([new PlainTextReader(), new MarkdownReaderForText()]);

        Assert.IsType<MarkdownReaderForText>(readers.For("a.txt"));
    }

    private sealed class MarkdownReaderForText : Grounded.Stages.IDocumentReader
    {
        public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

        public IAsyncEnumerable<Grounded.Documents.TextBlock> ReadAsync(string path, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
