using Grounded.Rag.Embed;
using Microsoft.Extensions.AI;

namespace Grounded.Conformance;

/// <summary>An embedding generator that returns the vector a test chose for each text (unknown texts embed to the first axis).</summary>
public sealed class FixedEmbedder(EmbeddingModelProfile profile, IReadOnlyDictionary<string, float[]> vectors) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var axis = new float[profile.Dimensions];
        axis[0] = 1;
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(vectors.TryGetValue(v, out var found) ? found : axis))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType == typeof(EmbeddingModelProfile) ? profile : null;

    public void Dispose()
    {
    }
}
