using Grounded.Chunks;
using Grounded.Stages;

namespace Grounded.Rag.Retrieve;

/// <summary>
/// Hybrid fusion by score rather than rank: each leg's scores are min-max normalised to [0, 1] over its first
/// <see cref="Window"/> candidates (cosine and BM25 live on unrelated scales), then combined as
/// (dense + w × keyword) / (1 + w); a chunk a leg ranks below the window, or did not return, gets 0 from that leg.
/// Unlike rank fusion it keeps how far ahead a leg's best hit is. The window is fixed so that a chunk's score does not
/// depend on how many results were asked for (top 5 for ask, hundreds for evaluation). The legs run concurrently.
/// </summary>
public sealed class WeightedScoreRetriever : IRetriever
{
    /// <summary>How many of each leg's candidates set its normalisation range.</summary>
    public const int Window = 100;

    private readonly IRetriever _dense;
    private readonly IRetriever _keyword;
    private readonly double _keywordWeight;

    /// <summary>Creates the retriever from its legs; <paramref name="keywordWeight"/> scales the keyword leg against the dense leg's 1.</summary>
    public WeightedScoreRetriever(IRetriever dense, IRetriever keyword, double keywordWeight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keywordWeight);
        _dense = dense;
        _keyword = keyword;
        _keywordWeight = keywordWeight;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var candidates = Math.Max(topK, Window);
        var dense = Task.Run(() => _dense.RetrieveAsync(query, candidates, cancellationToken), cancellationToken);
        var keyword = await _keyword.RetrieveAsync(query, candidates, cancellationToken).ConfigureAwait(false);
        return Fuse(await dense.ConfigureAwait(false), keyword, _keywordWeight, topK);
    }

    /// <summary>Returns the top chunks by the weighted sum of the legs' min-max normalised scores.</summary>
    internal static List<ScoredChunk> Fuse(IReadOnlyList<ScoredChunk> dense, IReadOnlyList<ScoredChunk> keyword, double keywordWeight, int topK)
    {
        var fused = new Dictionary<string, (StoredChunk Chunk, double Score)>(StringComparer.Ordinal);
        Add(dense, 1 / (1 + keywordWeight));
        Add(keyword, keywordWeight / (1 + keywordWeight));
        return fused.Values.OrderByDescending(f => f.Score).Take(topK).Select(f => new ScoredChunk(f.Chunk, f.Score)).ToList();

        void Add(IReadOnlyList<ScoredChunk> leg, double weight)
        {
            if (leg.Count == 0)
            {
                return;
            }

            var window = leg.Take(Window).ToList();
            var max = window.Max(h => h.Score);
            var min = window.Min(h => h.Score);
            foreach (var hit in leg)
            {
                // A leg with a single candidate (or all tied) has no spread: its hits count fully.
                var normalised = max > min ? Math.Max(0, (hit.Score - min) / (max - min)) : 1;
                var score = weight * normalised;
                fused[hit.Chunk.Id] = fused.TryGetValue(hit.Chunk.Id, out var seen) ? (hit.Chunk, seen.Score + score) : (hit.Chunk, score);
            }
        }
    }
}
