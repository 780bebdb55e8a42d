using Grounded.Stages;
using Grounded.Storage;
using Microsoft.Extensions.AI;

namespace Grounded.Rag.Retrieve;

/// <summary>Builds the retriever that <see cref="RetrievalOptions"/> describe over a store and an embedding model.</summary>
public static class Retrievers
{
    /// <summary>Returns the dense, keyword or hybrid (rank- or score-fused) retriever, restricted to <paramref name="filter"/> when given; throws <see cref="ArgumentException"/> listing every problem with the options.</summary>
    public static IRetriever Create(IChunkStore store, IEmbeddingGenerator<string, Embedding<float>> embedder, RetrievalOptions options, SearchFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        var dense = new DenseRetriever(store, embedder, filter);
        var keyword = new KeywordRetriever(store, filter);
        return options.Mode switch
        {
            RetrievalMode.Dense => dense,
            RetrievalMode.Keyword => keyword,
            _ when options.Fusion == FusionMethod.Weighted => new WeightedScoreRetriever(dense, keyword, options.KeywordWeight),
            _ => new HybridRetriever(dense, keyword, options.RrfK, options.KeywordWeight),
        };
    }
}
