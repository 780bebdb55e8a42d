namespace Grounded.Rag.Index;

/// <summary>A store that can say which vector index served its last dense search and keep an index of its own up to date.</summary>
public interface IVectorIndexStatus
{
    /// <summary>Gets which vector index the last dense search used, e.g. <c>hnsw</c>, <c>exact</c> or <c>pgvector</c>.</summary>
    string LastSearchIndex { get; }

    /// <summary>Brings the store's own ANN index up to date (or rebuilds it); returns how many vectors it holds, 0 when search stays exact or the database keeps the index.</summary>
    Task<long> SyncAnnIndexAsync(bool rebuild, CancellationToken cancellationToken);
}
