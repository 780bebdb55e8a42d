using Grounded.Chunks;
using Grounded.Stages;
using Grounded.Storage;

namespace Grounded.Rag.Retrieve;

/// <summary>The keyword leg: the store's BM25 search over the query's words (never parsed as query syntax), optionally restricted by a filter.</summary>
public sealed class KeywordRetriever(IChunkStore store, SearchFilter? filter = null) : IRetriever
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return store.KeywordSearchAsync(query, topK, filter, cancellationToken);
    }
}
