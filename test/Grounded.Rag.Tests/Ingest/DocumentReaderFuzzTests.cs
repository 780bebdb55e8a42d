using System.Text;
using CsCheck;
using Grounded.Documents;
using Grounded.Rag.Ingest;
using Grounded.Stages;

namespace Grounded.Rag.Tests.Ingest;

/// <summary>
/// Every reader, given damaged, random or hostile files, returns blocks or refuses the file with a
/// <see cref="DocumentReadException"/> (which ingest reports as the reason it skipped the file), within 10 seconds and
/// bounded allocations; nothing else escapes. <c>GROUNDED_FUZZ_SECONDS</c> makes each property run that long.
/// </summary>
[Collection(nameof(FuzzCollection))]
[Trait("Category", "Fuzz")]
public sealed class DocumentReaderFuzzTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DamagedPdfsAreReadOrRefusedWithAReason()
    {
        var seed = PdfReaderTests.BuildPdf(["Solar panels convert sunlight into electricity.", "They last about 25 years."], ["Wind turbines spin in the breeze."]);
        Fuzzing.Check("pdf", Fuzzing.Mutations(seed), bytes => ReadsOrRefuses(".pdf", bytes, 256L << 20), iterations: 150);
    }

    [Fact]
    public void DamagedDocxFilesAreReadOrRefusedWithAReason()
    {
        var seed = FuzzDocuments.Docx("<w:p><w:r><w:t>The pilot cut energy use by a third.</w:t></w:r></w:p>");
        Fuzzing.Check("docx", Fuzzing.Mutations(seed), bytes => ReadsOrRefuses(".docx", bytes, 256L << 20), iterations: 150);
    }

    [Fact]
    public void DocxFilesWithRandomBodiesAreReadOrRefusedWithAReason() =>
        Fuzzing.Check("docx-xml", FuzzDocuments.DocxBodies.Select(FuzzDocuments.Docx), bytes => ReadsOrRefuses(".docx", bytes, 256L << 20), iterations: 100);

    [Fact]
    public void RandomAndDeeplyNestedHtmlIsReadOrRefusedWithAReason() =>
        Fuzzing.Check("html", FuzzDocuments.Html, text => ReadsOrRefuses(".html", Encoding.UTF8.GetBytes(text), 128L << 20), iterations: 200);

    [Fact]
    public void RandomMarkdownIsReadOrRefusedWithAReason() =>
        Fuzzing.Check("markdown", FuzzDocuments.Markdown, text => ReadsOrRefuses(".md", Encoding.UTF8.GetBytes(text), 64L << 20), iterations: 200);

    [Fact]
    public void RandomAndDeeplyNestedJsonTranscriptsAreReadOrRefusedWithAReason() =>
        Fuzzing.Check("json", FuzzDocuments.Json, text => ReadsOrRefuses(".json", Encoding.UTF8.GetBytes(text), 64L << 20), iterations: 200);

    [Fact]
    public void RandomJsonLinesTranscriptsAreReadOrRefusedWithAReason() =>
        Fuzzing.Check("jsonl", FuzzDocuments.Json.Array[1, 8].Select(lines => string.Join('\n', lines.Select(l => l.ReplaceLineEndings(" ")))),
            text => ReadsOrRefuses(".jsonl", Encoding.UTF8.GetBytes(text), 64L << 20), iterations: 200);

    [Fact]
    public void RandomBytesInAnyFormatAreReadOrRefusedWithAReason() =>
        Fuzzing.Check("any-bytes", Gen.Select(Gen.OneOf<string>(".pdf", ".docx", ".html", ".md", ".json", ".jsonl", ".txt"), Gen.Byte.Array[0, 4096]),
            input => ReadsOrRefuses(input.Item1, input.Item2, 128L << 20), iterations: 200, print: input => $"{input.Item1}: {Fuzzing.Describe(input.Item2)}");

    private void ReadsOrRefuses(string extension, byte[] bytes, long maxAllocatedBytes)
    {
        var path = _dir.Write($"{Guid.NewGuid():N}{extension}", bytes);
        try
        {
            Fuzzing.Within(Limit, maxAllocatedBytes, async ct => await ReadAsync(DocumentReaders.Default.For(path)!, path, ct));
        }
        catch (DocumentReadException)
        {
            // The documented refusal: ingest skips the file and reports this message.
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<int> ReadAsync(IDocumentReader reader, string path, CancellationToken cancellationToken)
    {
        var blocks = 0;
        await foreach (var block in reader.ReadAsync(path, cancellationToken))
        {
            Assert.NotNull(block.Text);
            blocks++;
        }

        return blocks;
    }
}
