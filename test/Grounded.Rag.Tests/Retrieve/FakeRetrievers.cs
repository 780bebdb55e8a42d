using Grounded.Chunks;
using Grounded.Stages;

namespace Grounded.Rag.Tests.Retrieve;

/// <summary>Hand-written legs for the fusion tests.</summary>
internal static class FakeRetrievers
{
    public static ScoredChunk Hit(string id, double score) => new(new StoredChunk(id, "doc-" + id, id + ".txt", new Chunk(0, id, 0, id.Length, string.Empty, 1)), score);

    /// <summary>Returns fixed hits.</summary>
    public sealed class Fixed(params ScoredChunk[] hits) : IRetriever
    {
        public Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ScoredChunk>>(hits.Take(topK).ToList());
    }

    /// <summary>Blocks until the other leg has started too: fusing over two of these finishes only if the legs run concurrently.</summary>
    public sealed class Rendezvous(TaskCompletionSource mine, TaskCompletionSource other, params ScoredChunk[] hits) : IRetriever
    {
        public async Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken)
        {
            mine.TrySetResult();
            other.Task.Wait(TimeSpan.FromSeconds(5), cancellationToken); // synchronous on purpose: a leg that computes without yielding (like ONNX)
            if (!other.Task.IsCompleted)
            {
                throw new TimeoutException("the other leg never started while this one ran");
            }

            await Task.Yield();
            return hits;
        }
    }
}
