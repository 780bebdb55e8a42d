using Grounded.Chunks;

namespace Grounded.Storage;

/// <summary>A chunk with the embedding of its text.</summary>
public sealed record EmbeddedChunk(Chunk Chunk, ReadOnlyMemory<float> Embedding);
