using Grounded.Rag.Embed;
using Grounded.Rag.Tests.Support;
using Xunit.Abstractions;

namespace Grounded.Rag.Tests.Embed;

public sealed class Int8ExportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WritesTheQuantizedModelAndTheVocabularyWhenTheyKeepToTheFloatModel()
    {
        using var dir = new TempDirectory();
        var files = new ShippedModelFiles(dir.Path);
        byte[]? quantized = null;

        var lowest = await Int8Export.ExportAsync(MiniLmModel.Package, MiniLmModel.Profile, files, m => quantized = Int8Quantizer.Quantize(m));

        Assert.InRange(lowest, Int8Export.MinimumCosine, 1.0001f);
        Assert.Equal(quantized, files.TryReadInt8Model("all-minilm-l6-v2"));
        using var vocabulary = new StreamReader(MiniLmModel.Package.OpenVocabulary());
        Assert.Equal(vocabulary.ReadToEnd(), File.ReadAllText(files.VocabularyPath("all-minilm-l6-v2")));
    }

    [Fact]
    public async Task RefusesAModelThatStraysFromTheFloatOneAndWritesNothing()
    {
        // Another model of the same shape stands in for a broken quantizer: it runs, but embeds differently.
        using var dir = new TempDirectory();
        var files = new ShippedModelFiles(dir.Combine("models"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => Int8Export.ExportAsync(ArcticXsModel.Package, ArcticXsModel.Profile, files, _ => MiniLmModel.ReadModel()));

        output.WriteLine(error.Message);
        Assert.Contains("snowflake-arctic-embed-xs strays too far from its float32 original", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(files.Directory) && Directory.EnumerateFileSystemEntries(files.Directory).Any());
    }
}
