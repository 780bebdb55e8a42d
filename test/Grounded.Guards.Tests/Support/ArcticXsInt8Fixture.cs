using Grounded.Guards.Injection;
using Grounded.Rag.Embed;

namespace Grounded.Guards.Tests.Support;

/// <summary>The int8 arctic-embed-xs model the injection classifier was trained on, loaded once, and a detector over it.</summary>
public sealed class ArcticXsInt8Fixture : IDisposable
{
    public OnnxEmbeddingGenerator Embedder { get; } = EmbeddingModels.ArcticXs(quantized: true);

    public InjectionDetector Detector => new(Embedder);

    public void Dispose() => Embedder.Dispose();
}

[CollectionDefinition(nameof(ArcticXsInt8Fixture))]
public sealed class ArcticXsInt8Collection : ICollectionFixture<ArcticXsInt8Fixture>;
