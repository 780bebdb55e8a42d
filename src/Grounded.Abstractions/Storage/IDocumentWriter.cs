using Grounded.Chunks;

namespace Grounded.Storage;

/// <summary>Writes one document's chunks inside one transaction: nothing is visible until <see cref="CommitAsync"/>, and disposing without committing leaves the store as it was.</summary>
public interface IDocumentWriter : IAsyncDisposable
{
    /// <summary>Adds chunks with their embeddings, in document order.</summary>
    Task AddAsync(IReadOnlyList<EmbeddedChunk> chunks, CancellationToken cancellationToken);

    /// <summary>Makes the document and all its chunks visible at once, replacing its previous version.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}
