namespace Grounded.Answers;

/// <summary>A source an answer cites as <c>[N]</c>.</summary>
/// <param name="N">The number the answer text uses for this source, from 1.</param>
/// <param name="DocumentId">The cited document's identifier.</param>
/// <param name="Source">The cited document's path as ingested.</param>
/// <param name="ChunkId">The cited chunk's identifier.</param>
/// <param name="Score">The chunk's retrieval score.</param>
/// <param name="Text">The chunk's text.</param>
public sealed record Citation(int N, string DocumentId, string Source, string ChunkId, double Score, string Text);
