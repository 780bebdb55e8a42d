using Grounded.Chunks;

namespace Grounded.Stages;

/// <summary>Rerank stage: reorders the retriever's candidates with a finer (and costlier) relevance judgement.</summary>
public interface IReranker
{
    /// <summary>Returns the <paramref name="topK"/> best of <paramref name="candidates"/>, best first, each with the reranker's score.</summary>
    Task<IReadOnlyList<ScoredChunk>> RerankAsync(string query, IReadOnlyList<ScoredChunk> candidates, int topK, CancellationToken cancellationToken);
}
