using Grounded.Rag.Embed;

namespace Grounded.Rag.Tests.Embed;

/// <summary>The shipped model loaded twice, float32 and int8 (quantized in memory, so tests leave no cache files).</summary>
public sealed class ArcticXsFloatAndInt8 : IDisposable
{
    public ArcticXsFloatAndInt8()
    {
        var model = ArcticXsModel.ReadModel();
        Float = Create(model, quantized: false);
        Int8 = Create(Int8Quantizer.Quantize(model), quantized: true);
    }

    internal OnnxEmbeddingGenerator Float { get; }

    internal OnnxEmbeddingGenerator Int8 { get; }

    public void Dispose()
    {
        Float.Dispose();
        Int8.Dispose();
    }

    private static OnnxEmbeddingGenerator Create(byte[] model, bool quantized)
    {
        using var vocabulary = ArcticXsModel.OpenVocabulary();
        return new OnnxEmbeddingGenerator(model, vocabulary, ArcticXsModel.Profile(quantized));
    }
}
