using Microsoft.Extensions.AI;

namespace Grounded.Storage;

/// <summary>A store that can say where it lives and re-embed everything it holds with another embedding model.</summary>
public interface IReindexableChunkStore : IChunkStore
{
    /// <summary>Gets where the store lives, for messages: a directory, or a connection URL without its password.</summary>
    string Location { get; }

    /// <summary>Returns every chunk of a document in order (empty when there is no such document).</summary>
    Task<IReadOnlyList<Chunks.StoredChunk>> GetChunksAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>Re-embeds every chunk with <paramref name="embedder"/> and records its model; returns how many distinct texts were embedded.</summary>
    Task<int> ReindexAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken);
}
