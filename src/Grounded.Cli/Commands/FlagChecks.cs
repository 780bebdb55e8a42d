using System.Globalization;
using Grounded.Rag.Chunking;
using Grounded.Rag.Index.Ann;
using Grounded.Rag.Retrieve;

namespace Grounded.Cli.Commands;

/// <summary>
/// The library's option ranges, checked in the words of the command line: the library names its settings, not flags,
/// so a verb says "--chunk-tokens", not "the chunk size".
/// </summary>
internal static class FlagChecks
{
    public static IEnumerable<string> Chunking(int chunkTokens, int overlap)
    {
        if (chunkTokens is < ChunkingOptions.MinChunkTokens or > ChunkingOptions.MaxChunkTokens)
        {
            yield return $"--chunk-tokens must be between {ChunkingOptions.MinChunkTokens} and {ChunkingOptions.MaxChunkTokens} (got {chunkTokens})";
        }

        if (overlap < 0 || overlap >= chunkTokens)
        {
            yield return $"--overlap must be at least 0 and less than --chunk-tokens (got {overlap} with {chunkTokens})";
        }
    }

    public static IEnumerable<string> Ann(AnnOptions ann)
    {
        if (ann.Connectivity is < AnnOptions.MinConnectivity or > AnnOptions.MaxConnectivity)
        {
            yield return $"--m must be between {AnnOptions.MinConnectivity} and {AnnOptions.MaxConnectivity} (got {ann.Connectivity})";
        }

        if (ann.ExpansionAdd is < 1 or > AnnOptions.MaxExpansion)
        {
            yield return $"--ef-construction must be between 1 and {AnnOptions.MaxExpansion} (got {ann.ExpansionAdd})";
        }

        if (ann.ExpansionSearch is < 1 or > AnnOptions.MaxExpansion)
        {
            yield return $"--ef-search must be between 1 and {AnnOptions.MaxExpansion} (got {ann.ExpansionSearch})";
        }

        if (ann.BuildThreads < 1)
        {
            yield return $"--threads must be 1 or more (got {ann.BuildThreads})";
        }
    }

    public static IEnumerable<string> Retrieval(RetrievalOptions retrieval)
    {
        if (retrieval.RrfK is < 0 or > RetrievalOptions.MaxRrfK)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--rrf-k must be between 0 and {RetrievalOptions.MaxRrfK} (got {retrieval.RrfK})");
        }

        if (!double.IsFinite(retrieval.KeywordWeight) || retrieval.KeywordWeight < 0 || retrieval.KeywordWeight > RetrievalOptions.MaxKeywordWeight)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--keyword-weight must be between 0 and {RetrievalOptions.MaxKeywordWeight} (got {retrieval.KeywordWeight})");
        }
    }
}
