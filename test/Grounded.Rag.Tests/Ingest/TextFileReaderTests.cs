using System.Text;
using Grounded.Documents;
using Grounded.Rag.Ingest;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Ingest;

public sealed class TextFileReaderTests : IDisposable
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("notes.txt", "Le café coûte 2 €.")]
    [InlineData("notes.md", "# Menu\n\nLe café coûte 2 €.")]
    [InlineData("notes.html", "<p>Le café coûte 2 €.</p>")]
    [InlineData("notes.py", "PRICE = \"Le café coûte 2 €.\"\n")]
    [InlineData("notes.json", "[{\"role\": \"user\", \"content\": \"Le café coûte 2 €.\"}]")]
    public async Task EveryTextReaderReadsAWindows1252File(string name, string content)
    {
        var path = _dir.Write(name, Windows1252.GetBytes(content));
        var reader = Assert.IsAssignableFrom<TextFileReader>(DocumentReaders.Default.For(path));

        var text = string.Join("\n", (await Blocks.ReadAllAsync(reader, path)).Select(b => b.Text));

        Assert.Equal("windows-1252", (await reader.DetectEncodingAsync(path, CancellationToken.None)).Name);
        Assert.Contains("Le café coûte 2 €.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADecodingFailureBecomesAReadErrorThatNamesTheEncoding()
    {
        // The byte-order mark promises UTF-8; the bytes after it are Latin-1.
        var path = _dir.Write("marked.md", [0xEF, 0xBB, 0xBF, .. Windows1252.GetBytes("# Caf\u00e9\n\nText.")]);

        var error = await Assert.ThrowsAsync<DocumentReadException>(() => Blocks.ReadAllAsync(new MarkdownReader(), path));

        Assert.Equal("invalid text encoding: not valid UTF-8, as its byte-order mark says", error.Message);
    }
}
