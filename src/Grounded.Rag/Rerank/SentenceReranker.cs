using Grounded.Chunks;
using Grounded.Stages;

namespace Grounded.Rag.Rerank;

/// <summary>
/// Reranks candidates by their best sentence: a chunk scores the relevance of its most relevant sentence
/// (<see cref="SentenceScorer"/>), so a chunk holding one sentence that answers the question beats a chunk that is
/// only broadly on topic. Ties keep the retriever's order. Measured in docs/benchmarks.md ("Answer quality").
/// </summary>
public sealed class SentenceReranker(SentenceScorer scorer) : IReranker
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredChunk>> RerankAsync(string query, IReadOnlyList<ScoredChunk> candidates, int topK, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var sentences = await scorer.ScoreAsync(query, candidates, cancellationToken).ConfigureAwait(false);
        var best = new double[candidates.Count];
        Array.Fill(best, double.NegativeInfinity);
        foreach (var s in sentences)
        {
            best[s.Rank] = Math.Max(best[s.Rank], s.Relevance);
        }

        return Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => best[i]).ThenBy(i => i)
            .Take(topK)
            .Select(i => double.IsNegativeInfinity(best[i]) ? candidates[i] : new ScoredChunk(candidates[i].Chunk, best[i]))
            .ToList();
    }
}
