using Microsoft.Extensions.AI;

namespace Grounded.Guards.Tests.Support;

/// <summary>An embedder that returns constant vectors of a given length, says what it likes about itself, and counts its calls.</summary>
public sealed class FakeEmbedder(int dimensions, string? modelId = null, bool describeItself = true) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Calls { get; private set; }

    public List<string> Embedded { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var texts = values.ToList();
        Embedded.AddRange(texts);
        var vector = Enumerable.Repeat(1 / MathF.Sqrt(dimensions), dimensions).ToArray();
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(_ => new Embedding<float>(vector) { ModelId = modelId })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        describeItself && serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("fake", null, modelId, dimensions) : null;

    public void Dispose()
    {
    }
}
