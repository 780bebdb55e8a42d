using Grounded.Chunks;

namespace Grounded.Stages;

/// <summary>Retrieve stage: finds the chunks most relevant to a query, best first.</summary>
public interface IRetriever
{
    /// <summary>Returns up to <paramref name="topK"/> chunks, best first.</summary>
    Task<IReadOnlyList<ScoredChunk>> RetrieveAsync(string query, int topK, CancellationToken cancellationToken);
}
