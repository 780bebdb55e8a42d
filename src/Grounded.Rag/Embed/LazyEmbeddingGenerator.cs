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
    private int _loadingStarted;

    /// <summary>Starts loading the model on a pool thread, so it is ready (or nearly) when first used; does nothing once started.</summary>
    public void BeginLoading()
    {
        if (!_inner.IsValueCreated && Interlocked.Exchange(ref _loadingStarted, 1) == 0)
        {
            // A failure surfaces at first use, from the same Lazy, with the same exception.
            _ = Task.Run(() =>
            {
                try
                {
                    _ = _inner.Value;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Rethrown by the first GenerateAsync.
                }
            });
        }
    }

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
