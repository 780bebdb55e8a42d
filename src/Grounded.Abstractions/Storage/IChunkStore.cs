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

    /// <summary>Returns how many documents and chunks the store holds.</summary>
    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
