using Grounded.Chunks;
using Grounded.Stages;
using Grounded.Storage;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Retrieve;

/// <summary>
/// Dense (embedding cosine) and keyword (BM25) candidates fused by reciprocal rank: each leg contributes
/// 1 / (k + rank) for every chunk it ranks, so a chunk both legs like rises above one only a single leg found.
/// The score reported is the fused score. The defaults (k = 10, keyword weight 3) were chosen on COVID-QA when the
/// dense leg was much the weaker (one vector per chunk: weighted 0.716 vs equal-RRF 0.693 paper hit@1); with
/// windowed embeddings the weights matter little (0.742 either way). See docs/benchmarks.md, "Retrieval legs".
/// </summary>
public sealed class HybridRetriever : IRetriever
{
    private readonly IRetriever _dense;
    private readonly IRetriever _keyword;
    private readonly int _rrfK;
    private readonly double _keywordWeight;

    /// <summary>Creates the retriever over a store's dense and keyword search.</summary>
    public HybridRetriever(IChunkStore store, IEmbeddingGenerator<string, Embedding<float>> embedder, int rrfK = 10, double keywordWeight = 3)
        : this(store, embedder, null, rrfK, keywordWeight)
    {
    }

    /// <summary>Creates the retriever over a store's dense and keyword search, both restricted by <paramref name="filter"/> when given.</summary>
    public HybridRetriever(IChunkStore store, IEmbeddingGenerator<string, Embedding<float>> embedder, SearchFilter? filter, int rrfK = 10, double keywordWeight = 3)
        : this(new DenseRetriever(store, embedder, filter), new KeywordRetriever(store, filter), rrfK, keywordWeight)
    {
    }

    /// <summary>Creates the retriever from its legs; <paramref name="rrfK"/> damps the weight of top ranks (60 in the RRF paper, 10 here by measurement); <paramref name="keywordWeight"/> scales the keyword leg against the dense leg's 1.</summary>
    public HybridRetriever(IRetriever dense, IRetriever keyword, int rrfK = 10, double keywordWeight = 3)
    {
        _dense = dense;
        _keyword = keyword;
        _rrfK = rrfK;
        _keywordWeight = keywordWeight;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var candidates = Math.Max(topK * 4, 20);
        // The legs run concurrently: the dense leg's query embedding is the slow part, the keyword leg runs beside it.
        var dense = Task.Run(() => _dense.RetrieveAsync(query, candidates, cancellationToken), cancellationToken);
        var keyword = await _keyword.RetrieveAsync(query, candidates, cancellationToken).ConfigureAwait(false);
        return Fuse([(await dense.ConfigureAwait(false), 1.0), (keyword, _keywordWeight)], topK);
    }

    private List<ScoredChunk> Fuse((IReadOnlyList<ScoredChunk> Hits, double Weight)[] legs, int topK)
    {
        var fused = new Dictionary<string, (StoredChunk Chunk, double Score)>(StringComparer.Ordinal);
        foreach (var (leg, weight) in legs)
        {
            for (var rank = 0; rank < leg.Count; rank++)
            {
                var chunk = leg[rank].Chunk;
                var score = weight / (_rrfK + rank + 1);
                fused[chunk.Id] = fused.TryGetValue(chunk.Id, out var seen) ? (chunk, seen.Score + score) : (chunk, score);
            }
        }

        return fused.Values.OrderByDescending(f => f.Score).Take(topK).Select(f => new ScoredChunk(f.Chunk, f.Score)).ToList();
    }
}
