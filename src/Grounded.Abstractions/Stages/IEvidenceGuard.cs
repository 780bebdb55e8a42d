using Grounded.Answers;
using Grounded.Chunks;

namespace Grounded.Stages;

/// <summary>
/// Guard stage between retrieval (and reranking) and the answer: checks the retrieved chunks before any model or caller
/// sees them — drops or quotes chunks that carry instructions, redacts personal data of sensitive collections.
/// </summary>
public interface IEvidenceGuard
{
    /// <summary>Returns the evidence as the answer stage may see it, in the same order, and what was done to it.</summary>
    Task<(IReadOnlyList<ScoredChunk> Evidence, RetrievalGuardReport Report)> GuardAsync(IReadOnlyList<ScoredChunk> evidence, CancellationToken cancellationToken);
}
