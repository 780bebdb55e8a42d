using Grounded.Rag.Embed;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>An embedding generator that returns vectors given in advance for known texts, so timings exclude the model.</summary>
internal sealed class FixedQueryEmbedder(EmbeddingModelProfile profile, IReadOnlyDictionary<string, float[]> vectors)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(vectors[v]) { ModelId = profile.ModelId })));

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingModelProfile) ? profile
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
