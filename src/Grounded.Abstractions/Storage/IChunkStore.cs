using Grounded.Chunks;
using Grounded.Documents;

namespace Grounded.Storage;

/// <summary>Index stage: holds documents, their chunks and the chunks' embeddings, and searches them.</summary>
public interface IChunkStore : IAsyncDisposable
{
    /// <summary>Returns the document with the given id, or null.</summary>
    Task<DocumentInfo?> GetDocumentAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Lists every document, ordered by source.</summary>
    Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(CancellationToken cancellationToken);

    /// <summary>Lists the documents matching <paramref name="filter"/> (its tenant and groups included), ordered by source; the default filters the full list, stores override it to filter in their query.</summary>
    async Task<IReadOnlyList<DocumentInfo>> ListDocumentsAsync(SearchFilter? filter, CancellationToken cancellationToken) =>
        filter is null || filter.IsEmpty
            ? await ListDocumentsAsync(cancellationToken).ConfigureAwait(false)
            : [.. (await ListDocumentsAsync(cancellationToken).ConfigureAwait(false)).Where(filter.Matches)];

    /// <summary>Starts writing a document; its chunks replace the old ones only when the writer commits.</summary>
    Task<IDocumentWriter> BeginDocumentAsync(DocumentInfo document, CancellationToken cancellationToken);

    /// <summary>Removes a document and its chunks; returns whether it existed.</summary>
    Task<bool> DeleteDocumentAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Returns the embeddings already held for any of the given chunk content hashes.</summary>
    Task<IReadOnlyDictionary<string, float[]>> GetCachedEmbeddingsAsync(IReadOnlyCollection<string> contentHashes, CancellationToken cancellationToken);

    /// <summary>Returns the chunks whose embeddings are most similar to <paramref name="query"/> (cosine), best first.</summary>
    Task<IReadOnlyList<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> query, int topK, CancellationToken cancellationToken);

    /// <summary>Returns the chunks that best match the words of <paramref name="query"/> (BM25), best first; the text is never interpreted as query syntax.</summary>
    Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int topK, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the chunks of documents matching <paramref name="filter"/> whose embeddings are most similar to <paramref name="query"/>, best first.
    /// The default over-fetches and filters afterwards; stores override it to filter inside the search.
    /// </summary>
    async Task<IReadOnlyList<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> query, int topK, SearchFilter? filter, CancellationToken cancellationToken) =>
        filter is null || filter.IsEmpty
            ? await SearchAsync(query, topK, cancellationToken).ConfigureAwait(false)
            : await FilterAsync(await SearchAsync(query, topK * 20, cancellationToken).ConfigureAwait(false), filter, topK, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Returns the chunks of documents matching <paramref name="filter"/> that best match the words of <paramref name="query"/>, best first.
    /// The default over-fetches and filters afterwards; stores override it to filter inside the search.
    /// </summary>
    async Task<IReadOnlyList<ScoredChunk>> KeywordSearchAsync(string query, int topK, SearchFilter? filter, CancellationToken cancellationToken) =>
        filter is null || filter.IsEmpty
            ? await KeywordSearchAsync(query, topK, cancellationToken).ConfigureAwait(false)
            : await FilterAsync(await KeywordSearchAsync(query, topK * 20, cancellationToken).ConfigureAwait(false), filter, topK, cancellationToken).ConfigureAwait(false);

    /// <summary>Returns how many documents and chunks the store holds.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    private async Task<IReadOnlyList<ScoredChunk>> FilterAsync(IReadOnlyList<ScoredChunk> hits, SearchFilter filter, int topK, CancellationToken cancellationToken)
    {
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        var kept = new List<ScoredChunk>(topK);
        foreach (var hit in hits)
        {
            if (!verdicts.TryGetValue(hit.Chunk.DocumentId, out var keep))
            {
                var document = await GetDocumentAsync(hit.Chunk.DocumentId, cancellationToken).ConfigureAwait(false);
                verdicts[hit.Chunk.DocumentId] = keep = document is not null && filter.Matches(document);
            }

            if (keep && kept.Count < topK)
            {
                kept.Add(hit);
            }
        }

        return kept;
    }
}
