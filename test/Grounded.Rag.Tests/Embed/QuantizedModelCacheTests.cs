using Grounded.Rag.Embed;

namespace Grounded.Rag.Tests.Embed;

public sealed class QuantizedModelCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "grounded-cache-tests", Guid.NewGuid().ToString("N"));
    private readonly byte[] _model = TinyOnnxModels.LinearThenAttentionLike();

    [Fact]
    public void QuantizesOnceAndThenReadsTheModelFromDisk()
    {
        var cache = new QuantizedModelCache(_directory);

        var first = cache.GetOrQuantize(_model, "tiny");
        var path = cache.PathFor(_model, "tiny");
        File.WriteAllBytes(path, [1, 2, 3]);
        var second = cache.GetOrQuantize(_model, "tiny");

        Assert.Equal(Int8Quantizer.Quantize(_model), first);
        Assert.Equal([1, 2, 3], second);
    }

    [Fact]
    public void ReadsAFingerprintedFloatModelOnlyWhenItMustBeQuantized()
    {
        var cache = new QuantizedModelCache(_directory);
        var reads = 0;
        byte[] Read()
        {
            reads++;
            return _model;
        }

        var first = cache.GetOrQuantize("0123456789abcdef0123", "tiny", Read);
        var second = cache.GetOrQuantize("0123456789abcdef0123", "tiny", Read);

        Assert.Equal(1, reads);
        Assert.Equal(first, second);
        Assert.True(File.Exists(cache.PathFor("0123456789abcdef0123", "tiny")));
    }

    [Fact]
    public void APackagedModelsFingerprintIsStableAndDiffersBetweenModels()
    {
        Assert.Equal(ArcticXsModel.Package.Fingerprint(), ArcticXsModel.Package.Fingerprint());
        Assert.NotEqual(ArcticXsModel.Package.Fingerprint(), MiniLmModel.Package.Fingerprint());
        Assert.Matches("^[0-9a-f]{16}$", MiniLmModel.Package.Fingerprint());
    }

    [Fact]
    public void LeavesOnlyTheFinishedFileBehind()
    {
        new QuantizedModelCache(_directory).GetOrQuantize(_model, "tiny");

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.Matches(@"^tiny\.int8-v\d+-[0-9a-f]{16}\.onnx$", Path.GetFileName(file));
    }

    [Fact]
    public void KeysTheFileOnTheFloatModelsBytes()
    {
        var cache = new QuantizedModelCache(_directory);

        Assert.NotEqual(cache.PathFor(_model, "tiny"), cache.PathFor(TinyOnnxModels.LinearThenAttentionLike(floatWeights: true), "tiny"));
        Assert.Equal(cache.PathFor(_model, "tiny"), cache.PathFor([.. _model], "tiny"));
    }

    [Fact]
    public void QuantizesInMemoryWhenTheDirectoryCannotBeCreated()
    {
        // A directory below a regular file cannot exist, even for root, for whom permissions would not stop a write.
        Directory.CreateDirectory(_directory);
        var blocker = Path.Combine(_directory, "a-file");
        File.WriteAllText(blocker, "not a directory");

        var quantized = new QuantizedModelCache(Path.Combine(blocker, "models")).GetOrQuantize(_model, "tiny");

        Assert.Equal(Int8Quantizer.Quantize(_model), quantized);
        Assert.Equal([blocker], Directory.GetFiles(_directory));
    }

    [Fact]
    public void QuantizesInMemoryWhenThereIsNoDirectory()
    {
        Assert.Equal(Int8Quantizer.Quantize(_model), new QuantizedModelCache(null).GetOrQuantize(_model, "tiny"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
