using System.Text;
using Grounded.Documents;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class TextFileGuardTests : IDisposable
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task DetectsUtf8WhenTheWholeFileIsValidUtf8()
    {
        var path = _dir.Write("cafe.txt", "Café au lait, naïve façade, Zürich — and ✓.");

        var encoding = await DetectAsync(path);

        Assert.Equal(("utf-8", 0), (encoding.Name, encoding.PreambleBytes));
    }

    [Fact]
    public async Task DetectsWindows1252ForTextThatIsNotValidUtf8()
    {
        var path = _dir.Write("latin1.txt", Windows1252.GetBytes("Café crème at the Hôtel de Ville."));

        var encoding = await DetectAsync(path);

        Assert.Equal("windows-1252", encoding.Name);
        Assert.False(encoding.IsUtf8);
    }

    [Fact]
    public async Task ChecksTheWholeFileNotOnlyItsHeadBeforeCallingItUtf8()
    {
        // 200 KB of ASCII, then one Latin-1 byte: past the sniffed head and past the first buffer.
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("Plain ASCII line of text.\n", 8000))).Concat(Windows1252.GetBytes("Café.\n")).ToArray();
        var path = _dir.Write("late.txt", bytes);

        Assert.Equal("windows-1252", (await DetectAsync(path)).Name);
    }

    [Fact]
    public async Task ACharacterSplitAcrossTwoBuffersIsStillUtf8()
    {
        var text = new string('a', (1 << 16) - 1) + "é and more";
        var path = _dir.Write("split.txt", text);

        Assert.Equal("utf-8", (await DetectAsync(path)).Name);
    }

    [Fact]
    public async Task AUtf8SequenceCutOffByTheEndOfTheFileIsNotUtf8()
    {
        var path = _dir.Write("cut.txt", [.. Encoding.ASCII.GetBytes("Ends in half a character "), 0xC3]);

        Assert.Equal("windows-1252", (await DetectAsync(path)).Name);
    }

    [Theory]
    [InlineData("utf-8", "utf-8", 3)]
    [InlineData("utf-16", "utf-16le", 2)]
    [InlineData("utf-16BE", "utf-16be", 2)]
    [InlineData("utf-32", "utf-32le", 4)]
    [InlineData("utf-32BE", "utf-32be", 4)]
    public async Task TrustsAByteOrderMarkAndReadsTheTextAfterIt(string written, string detected, int preamble)
    {
        var encoding = Encoding.GetEncoding(written);
        const string text = "Zürich is in Switzerland.";
        var path = _dir.Write("marked.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        var found = await DetectAsync(path);
        using var reader = TextFileGuard.Open(path, found);

        Assert.Equal((detected, preamble), (found.Name, found.PreambleBytes));
        Assert.Equal(text, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task ReadsWindows1252PunctuationThatLatin1LacksAndLeavesNoByteUndecoded()
    {
        // 0x80 euro, 0x93/0x94 curly quotes, 0x96 en dash; 0x81 is one of the five bytes Windows-1252 leaves undefined.
        var path = _dir.Write("quotes.txt", [0x93, 0x43, 0x6F, 0x73, 0x74, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80, 0x20, 0x81]);

        var encoding = await DetectAsync(path);
        using var reader = TextFileGuard.Open(path, encoding);

        Assert.Equal("“Cost” – 5€ \u0081", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task RefusesNulBytesInTheHeadAsBinary()
    {
        var path = _dir.Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D]);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => DetectAsync(path));

        Assert.Equal("binary content (NUL bytes) in a text file", error.Message);
    }

    [Fact]
    public async Task RefusesAFileThatIsNotUtf8AndHoldsANulBytePastTheHeadAsBinaryRatherThanWindows1252()
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', 20_000)).Concat(new byte[] { 0xE9, 0x00, 0x01 }).ToArray();
        var path = _dir.Write("blob.txt", bytes);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => DetectAsync(path));

        Assert.StartsWith("binary content (NUL bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUtf16FileThatBreaksItsByteOrderMarksPromiseFailsWithAnEncodingReason()
    {
        // A lone high surrogate (0xD800) followed by "A": not valid UTF-16.
        var path = _dir.Write("broken16.txt", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]);
        var encoding = await DetectAsync(path);
        using var reader = TextFileGuard.Open(path, encoding);

        var error = await Assert.ThrowsAsync<DecoderFallbackException>(() => reader.ReadToEndAsync());

        Assert.Equal(
            "invalid text encoding: not valid UTF-16 (little-endian), as its byte-order mark says",
            TextFileGuard.InvalidEncoding(encoding, error).Message);
    }

    [Fact]
    public async Task HonoursADeclaredCharsetOnlyWhenTheFileIsNotUtf8AndIsValidInIt()
    {
        var latin2 = CodePagesEncodingProvider.Instance.GetEncoding("iso-8859-2")!;
        var declaredLatin2 = HtmlCharset.Find("<meta charset=\"iso-8859-2\">"u8);
        var polish = _dir.Write("pl.txt", latin2.GetBytes("Zażółć gęślą jaźń."));
        var utf8 = _dir.Write("utf8.txt", "Zażółć gęślą jaźń.");

        Assert.Equal("iso-8859-2", (await TextFileGuard.DetectAsync(polish, _ => declaredLatin2, CancellationToken.None)).Name);
        Assert.Equal("utf-8", (await TextFileGuard.DetectAsync(utf8, _ => declaredLatin2, CancellationToken.None)).Name);
    }

    [Fact]
    public async Task FallsBackToWindows1252WhenTheFileIsNotValidInTheCharsetItDeclares()
    {
        var declaredShiftJis = HtmlCharset.Find("<meta charset=\"shift_jis\">"u8);
        var path = _dir.Write("mislabelled.txt", [0x43, 0x61, 0x66, 0x81, 0x20]); // 0x81 opens a Shift-JIS pair that 0x20 cannot close

        Assert.Equal("shift_jis", declaredShiftJis?.Name);
        Assert.Equal("windows-1252", (await TextFileGuard.DetectAsync(path, _ => declaredShiftJis, CancellationToken.None)).Name);
    }

    private static Task<TextEncoding> DetectAsync(string path) => TextFileGuard.DetectAsync(path, declared: null, CancellationToken.None);
}
