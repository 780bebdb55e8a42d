using Microsoft.Extensions.AI;

namespace Grounded.Rag.Embed;

/// <summary>
/// Loads an embedding model on its first use, so a command that never needs it (search, an LLM-answered ask) does not
/// pay its start-up. The profile is known without loading.
/// </summary>
internal sealed class LazyEmbeddingGenerator(Func<IEmbeddingGenerator<string, Embedding<float>>> load, EmbeddingModelProfile profile)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _inner = new(load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        _inner.Value.GenerateAsync(values, options, cancellationToken);

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingModelProfile) ? profile
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : _inner.IsValueCreated ? _inner.Value.GetService(serviceType, serviceKey) : null;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_inner.IsValueCreated)
        {
            _inner.Value.Dispose();
        }
    }
}
