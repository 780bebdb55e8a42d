namespace Grounded.Chunks;

/// <summary>A retrieved chunk with its relevance score (cosine similarity for dense retrieval).</summary>
public sealed record ScoredChunk(StoredChunk Chunk, double Score);
