using Grounded.Rag.Ingest;

namespace Grounded.Rag.Tests.Ingest;

public sealed class CorpusReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CorpusReader _reader = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FindsTheFilesIngestWouldReadAndNoOthers()
    {
        _dir.Write("corpus/b.md", "# B");
        _dir.Write("corpus/a.txt", "A");
        _dir.Write("corpus/photo.jpg", "not a document");
        _dir.Write("corpus/.git/HEAD.txt", "hidden");

        var files = _reader.Find([_dir.Combine("corpus")]);

        Assert.Equal(["a.txt", "b.md"], files.Select(f => Path.GetFileName(f.FullPath)));
    }

    [Fact]
    public void AMissingPathIsNotFound() =>
        Assert.Throws<FileNotFoundException>(() => _reader.Find([_dir.Combine("missing")]));

    [Fact]
    public async Task ReadsEachBlockOfText()
    {
        _dir.Write("notes.md", "# Title\n\nFirst paragraph.\n\nSecond paragraph.");
        var texts = new List<string>();

        var failure = await _reader.ReadAsync(_reader.Find([_dir.Combine("notes.md")])[0], texts.Add);

        Assert.Null(failure);
        Assert.Contains("Second paragraph.", string.Join("\n", texts), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.txt", "", "empty file")]
    [InlineData("broken.json", "{ not json", "invalid JSON")]
    [InlineData("binary.txt", "\0\u0001bin", "binary content")]
    public async Task SaysWhyAFileCannotBeRead(string name, string content, string reason)
    {
        var path = _dir.Write(name, content);

        var failure = await _reader.ReadAsync(new CorpusFile(path, name), _ => { });

        Assert.NotNull(failure);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }
}
