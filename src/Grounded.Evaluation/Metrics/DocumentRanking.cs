using Grounded.Chunks;

namespace Grounded.Evaluation.Metrics;

/// <summary>Turns ranked chunks into ranked documents: a document scores as its best chunk, so it is listed once, at its best chunk's place.</summary>
public static class DocumentRanking
{
    /// <summary>Returns the distinct document keys of <paramref name="chunks"/> (best first), ordered by each one's best chunk score.</summary>
    public static IReadOnlyList<string> FromChunks(IEnumerable<ScoredChunk> chunks, Func<StoredChunk, string> documentKey)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(documentKey);
        var best = new Dictionary<string, (double Score, int Order)>(StringComparer.Ordinal);
        var order = 0;
        foreach (var hit in chunks)
        {
            var key = documentKey(hit.Chunk);
            if (!best.TryGetValue(key, out var seen))
            {
                best[key] = (hit.Score, order);
            }
            else if (hit.Score > seen.Score)
            {
                best[key] = (hit.Score, seen.Order);
            }

            order++;
        }

        return best.OrderByDescending(p => p.Value.Score).ThenBy(p => p.Value.Order).Select(p => p.Key).ToList();
    }
}
