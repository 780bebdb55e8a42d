using Grounded.Chunks;
using Grounded.Documents;

namespace Grounded.Stages;

/// <summary>Chunk stage: splits a document's blocks into chunks.</summary>
public interface IChunker
{
    /// <summary>Splits the blocks into chunks, in document order, as they arrive.</summary>
    IAsyncEnumerable<Chunk> ChunkAsync(IAsyncEnumerable<TextBlock> blocks, CancellationToken cancellationToken);
}
