namespace Grounded.Chunks;

/// <summary>A chunk as held by a store, with the identity of the document it belongs to.</summary>
/// <param name="Id">The chunk's identifier, unique within the store.</param>
/// <param name="DocumentId">The identifier of the document the chunk came from.</param>
/// <param name="Source">The document's path as ingested.</param>
/// <param name="Chunk">The chunk itself.</param>
public sealed record StoredChunk(string Id, string DocumentId, string Source, Chunk Chunk);
