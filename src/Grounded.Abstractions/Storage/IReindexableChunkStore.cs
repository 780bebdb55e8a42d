using Microsoft.Extensions.AI;

namespace Grounded.Storage;

/// <summary>A store that can say where it lives and re-embed everything it holds with another embedding model.</summary>
public interface IReindexableChunkStore : IChunkStore
{
    /// <summary>Gets where the store lives, for messages: a directory, or a connection URL without its password.</summary>
    string Location { get; }

    /// <summary>Re-embeds every chunk with <paramref name="embedder"/> and records its model; returns how many distinct texts were embedded.</summary>
    Task<int> ReindexAsync(IEmbeddingGenerator<string, Embedding<float>> embedder, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken);
}
