using Grounded.Rag.Embed;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Embed;

public sealed class ShippedModelFilesTests
{
    [Fact]
    public void OpensTheShippedVocabularyWhenThereIsOne()
    {
        using var dir = new TempDirectory();
        dir.Write("snowflake-arctic-embed-xs.vocab.txt", "[PAD]\nshipped\n");

        using var reader = new StreamReader(new ShippedModelFiles(dir.Path).OpenVocabulary(ArcticXsModel.Package));

        Assert.Equal("[PAD]\nshipped\n", reader.ReadToEnd());
    }

    [Fact]
    public void FallsBackToThePackagesVocabularyAndFindsNoModelWhereNothingIsShipped()
    {
        using var dir = new TempDirectory();
        var files = new ShippedModelFiles(dir.Combine("models"));

        using var shipped = new StreamReader(files.OpenVocabulary(MiniLmModel.Package));
        using var packaged = new StreamReader(MiniLmModel.Package.OpenVocabulary());

        Assert.Equal(packaged.ReadToEnd(), shipped.ReadToEnd());
        Assert.Null(files.TryReadInt8Model("all-minilm-l6-v2"));
    }

    [Fact]
    public void WritesTheModelAndVocabularyUnderTheModelsNameAndNothingElse()
    {
        using var dir = new TempDirectory();
        var files = new ShippedModelFiles(dir.Combine("models"));

        files.Write("tiny", [1, 2, 3], new MemoryStream("[PAD]\n"u8.ToArray()));

        Assert.Equal([1, 2, 3], files.TryReadInt8Model("tiny"));
        Assert.Equal("[PAD]\n", File.ReadAllText(files.VocabularyPath("tiny")));
        Assert.Equal(["tiny.int8.onnx", "tiny.vocab.txt"], Directory.GetFiles(files.Directory).Select(Path.GetFileName).Order());
    }
}
