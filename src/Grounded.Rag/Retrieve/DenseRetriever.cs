using Grounded.Chunks;
using Grounded.Rag.Embed;
using Grounded.Stages;
using Grounded.Storage;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Retrieve;

/// <summary>Embeds the query with the model's query instruction and returns the store's nearest chunks by cosine.</summary>
public sealed class DenseRetriever : IRetriever
{
    private readonly IChunkStore _store;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
    private readonly string _queryPrefix;
    private readonly SearchFilter? _filter;

    /// <summary>Creates the retriever; <paramref name="filter"/>, when given, restricts it to matching documents.</summary>
    public DenseRetriever(IChunkStore store, IEmbeddingGenerator<string, Embedding<float>> embedder, SearchFilter? filter = null)
    {
        _store = store;
        _filter = filter;
        _embedder = embedder;
        _queryPrefix = embedder.GetService<EmbeddingModelProfile>()?.QueryPrefix ?? string.Empty;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var vector = await _embedder.GenerateVectorAsync(_queryPrefix + query, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await _store.SearchAsync(vector, topK, _filter, cancellationToken).ConfigureAwait(false);
    }
}
