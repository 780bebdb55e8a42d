using System.Text;
using Grounded.Documents;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class PlainTextReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PlainTextReader _reader = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SplitsParagraphsAtBlankLinesWithOffsetsIntoTheFile()
    {
        const string text = "First paragraph here.\n\nSecond paragraph\nspans two lines.\n\n\n\nThird one.\n";
        var path = _dir.Write("notes.txt", text);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["First paragraph here.", "Second paragraph\nspans two lines.", "Third one."], blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal(b.Text, text.Substring((int)b.Offset, b.Text.Length)));
        Assert.All(blocks, b => Assert.Empty(b.HeadingPath));
        Assert.All(blocks, b => Assert.False(b.IsHeading));
    }

    [Fact]
    public async Task ReadsWindowsLineEndingsWithoutCarriageReturnsAndWithOffsetsIntoTheFile()
    {
        const string text = "Alpha line one.\r\nAlpha line two.\r\n\r\nBeta paragraph.\r\n\r\nGamma paragraph.\r\n";
        var path = _dir.Write("windows.txt", text);

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["Alpha line one.\nAlpha line two.", "Beta paragraph.", "Gamma paragraph."], blocks.Select(b => b.Text));
        Assert.DoesNotContain(blocks, b => b.Text.Contains('\r', StringComparison.Ordinal));
        Assert.Equal([0L, text.IndexOf("Beta", StringComparison.Ordinal), text.IndexOf("Gamma", StringComparison.Ordinal)], blocks.Select(b => b.Offset));
    }

    [Fact]
    public async Task ReadsUtf16WithAByteOrderMarkDespiteItsZeroBytes()
    {
        var path = _dir.Combine("utf16.txt");
        await File.WriteAllTextAsync(path, "Zürich is in Switzerland.\n\nSecond.", new UnicodeEncoding(bigEndian: false, byteOrderMark: true));

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["Zürich is in Switzerland.", "Second."], blocks.Select(b => b.Text));
    }

    [Fact]
    public async Task RefusesATextFileWithNulBytesAsBinary()
    {
        var path = _dir.Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(_reader, path));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsALatin1FileAsWindows1252WithOffsetsIntoTheDecodedText()
    {
        const string text = "Café crème, ½ price.\n\nThe Hôtel de Ville opens at nine.\n";
        var path = _dir.Write("latin1.txt", Encoding.Latin1.GetBytes(text));

        var blocks = await Blocks.ReadAllAsync(_reader, path);

        Assert.Equal(["Café crème, ½ price.", "The Hôtel de Ville opens at nine."], blocks.Select(b => b.Text));
        Assert.All(blocks, b => Assert.Equal(b.Text, text.Substring((int)b.Offset, b.Text.Length)));
    }
}
