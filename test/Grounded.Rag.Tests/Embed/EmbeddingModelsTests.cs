using Grounded.Rag.Embed;
using Grounded.Rag.Tests.Support;

namespace Grounded.Rag.Tests.Embed;

public sealed class EmbeddingModelsTests(ArcticXsFloatAndInt8 models) : IClassFixture<ArcticXsFloatAndInt8>
{
    private static readonly string[] Texts = ["How does Grounded decide to abstain?", "Tides follow the Moon."];

    [Fact]
    public async Task LoadsTheShippedInt8ModelInsteadOfQuantizingThePackagedOne()
    {
        // A marker that cannot come from quantizing: the float32 model's bytes shipped as the int8 file.
        using var dir = new TempDirectory();
        dir.Write("snowflake-arctic-embed-xs.int8.onnx", ArcticXsModel.ReadModel());

        using var generator = EmbeddingModels.Create(ArcticXsModel.Package, ArcticXsModel.Profile(quantized: true), quantized: true, new ShippedModelFiles(dir.Path));
        var vectors = await generator.GenerateAsync(Texts);
        var expected = await models.Float.GenerateAsync(Texts);

        Assert.Equal("snowflake-arctic-embed-xs@int8", generator.Profile.ModelId);
        Assert.All(Texts.Select((_, i) => i), i => Assert.Equal(expected[i].Vector.ToArray(), vectors[i].Vector.ToArray()));
    }

    [Fact]
    public async Task AShippedExportEmbedsExactlyAsTheModelQuantizedFromTheFloatOne()
    {
        using var dir = new TempDirectory();
        var files = new ShippedModelFiles(dir.Path);
        await Int8Export.ExportAsync(ArcticXsModel.Package, ArcticXsModel.Profile, files, Int8Quantizer.Quantize);

        using var generator = EmbeddingModels.Create(ArcticXsModel.Package, ArcticXsModel.Profile(quantized: true), quantized: true, files);
        var vectors = await generator.GenerateAsync(Texts);
        var expected = await models.Int8.GenerateAsync(Texts);

        Assert.All(Texts.Select((_, i) => i), i => Assert.Equal(expected[i].Vector.ToArray(), vectors[i].Vector.ToArray()));
    }
}
