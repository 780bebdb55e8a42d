using Grounded.Rag;
using Microsoft.Extensions.AI;

namespace Grounded.Hosting.Caching;

/// <summary>
/// The semantic cache's embedder: the store's own embedding model, opened with the store on first use (the stack opens
/// it once for everything), so the cache compares requests in the same space the index searches.
/// </summary>
internal sealed class RagQueryEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Gets or sets how the RAG core is reached (set once the stack exists).</summary>
    public Func<CancellationToken, Task<LocalRag>>? Source { get; set; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var source = Source ?? throw new InvalidOperationException("the semantic cache's embedder is used before the stack is built");
        var rag = await source(cancellationToken).ConfigureAwait(false);
        return await rag.Embedder.GenerateAsync(values, options, cancellationToken).ConfigureAwait(false);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The model belongs to the stack.
    }
}
