using Grounded.Chunks;
using Grounded.Rag.Answer;
using Grounded.Stages;

namespace Grounded.Rag.Rerank;

/// <summary>
/// Maximal marginal relevance: picks chunks one at a time by <c>λ · relevance − (1 − λ) · redundancy</c>, where relevance
/// is the chunk's score min-max normalised over the candidates and redundancy is its highest word overlap (Jaccard of
/// content terms) with a chunk already picked, so near-duplicate chunks (overlapping windows, copied paragraphs) give
/// way to evidence that adds something. Runs after any other reranker; costs no embeddings.
/// </summary>
public sealed class MmrReranker : IReranker
{
    private readonly double _lambda;
    private readonly IReranker? _first;

    /// <summary>Creates the reranker; <paramref name="lambda"/> in (0, 1] weighs relevance against diversity (1 = relevance only); <paramref name="first"/> reorders the candidates before.</summary>
    public MmrReranker(double lambda, IReranker? first = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lambda, 1);
        _lambda = lambda;
        _first = first;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredChunk>> RerankAsync(string query, IReadOnlyList<ScoredChunk> candidates, int topK, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var ranked = _first is null ? candidates : await _first.RerankAsync(query, candidates, candidates.Count, cancellationToken).ConfigureAwait(false);
        if (ranked.Count == 0)
        {
            return ranked;
        }

        var (min, max) = (ranked.Min(c => c.Score), ranked.Max(c => c.Score));
        var terms = ranked.Select(c => QueryTerms.Of(c.Chunk.Chunk.Text)).ToList();
        var picked = new List<int>();
        var left = Enumerable.Range(0, ranked.Count).ToList();
        while (picked.Count < topK && left.Count > 0)
        {
            var best = left.MaxBy(i =>
            {
                var relevance = max > min ? (ranked[i].Score - min) / (max - min) : 1;
                var redundancy = picked.Count == 0 ? 0 : picked.Max(j => Jaccard(terms[i], terms[j]));
                return (_lambda * relevance) - ((1 - _lambda) * redundancy);
            });
            picked.Add(best);
            left.Remove(best);
        }

        return picked.Select(i => ranked[i]).ToList();
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : a.Count(b.Contains) / (double)(a.Count + b.Count - a.Count(b.Contains));
}
