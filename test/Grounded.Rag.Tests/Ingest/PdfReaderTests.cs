using Grounded.Documents;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Grounded.Rag.Tests.Ingest;

public sealed class PdfReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PdfReader _reader = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadsTheTextOfEveryPageUnderItsPageNumber()
    {
        var path = _dir.Write("report.pdf", BuildPdf(["Solar panels convert sunlight into electricity."], ["Wind turbines spin in the breeze."]));

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        var first = Assert.Single(blocks, b => b.Text.Contains("Solar panels convert sunlight", StringComparison.Ordinal));
        var second = Assert.Single(blocks, b => b.Text.Contains("Wind turbines spin", StringComparison.Ordinal));
        Assert.Equal(["Page 1"], first.HeadingPath);
        Assert.Equal(["Page 2"], second.HeadingPath);
        Assert.True(second.Offset > first.Offset);
    }

    [Fact]
    public async Task RefusesRandomBytesAsNotAReadablePdf()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var path = _dir.Write("corrupt.pdf", bytes);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.StartsWith("not a readable PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesATruncatedPdf()
    {
        var whole = BuildPdf(["Some text that will be cut off."]);
        var path = _dir.Write("truncated.pdf", whole[..(whole.Length / 3)]);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.Contains("PDF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAPdfLongerThanThePageLimitNamingIt()
    {
        var path = _dir.Write("long.pdf", BuildPdf([.. Enumerable.Range(0, PdfReader.MaxPages + 1).Select(_ => Array.Empty<string>())]));

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.Equal($"the PDF has {PdfReader.MaxPages + 1} pages; the limit is {PdfReader.MaxPages}", error.Message);
    }

    internal static byte[] BuildPdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 750.0;
            foreach (var line in lines)
            {
                page.AddText(line, 12, new PdfPoint(50, y), font);
                y -= 20;
            }
        }

        return builder.Build();
    }
}
