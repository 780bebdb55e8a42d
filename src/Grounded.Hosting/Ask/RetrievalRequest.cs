using Grounded.Access;
using Grounded.Gateway.Failures;
using Grounded.Rag;
using Grounded.Rag.Retrieve;
using Grounded.Storage;

namespace Grounded.Hosting.Ask;

/// <summary>The retrieval half of an ask or search request, checked before anything is opened: what ask and search share.</summary>
internal static class RetrievalRequest
{
    /// <summary>
    /// Returns the question, top-k and query options of <paramref name="request"/>, or throws <see cref="InvalidRequestException"/>
    /// naming the field at fault. The search sees only what <paramref name="identity"/> may (the local CLI's identity when
    /// there is none: the default tenant).
    /// </summary>
    public static (string Question, int TopK, QueryOptions Query) Check(AskRequest request, int defaultTopK, CallerIdentity? identity)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Question))
        {
            throw new InvalidRequestException("question is required", "question");
        }

        var topK = request.TopK ?? defaultTopK;
        if (topK is < 1 or > 1000)
        {
            throw new InvalidRequestException($"topK must be between 1 and 1000 (got {topK})", "topK");
        }

        if (request.Rerank is < 0 or > 1000)
        {
            throw new InvalidRequestException($"rerank must be between 0 and 1000 (got {request.Rerank})", "rerank");
        }

        if (request.Mmr is < 0 or > 1 || (request.Mmr is { } mmr && double.IsNaN(mmr)))
        {
            throw new InvalidRequestException($"mmr must be between 0 and 1 (got {request.Mmr})", "mmr");
        }

        var mode = request.Mode is null ? (RetrievalMode?)null
            : RetrievalOptions.ParseMode(request.Mode) ?? throw new InvalidRequestException($"mode must be hybrid, dense or keyword (got '{request.Mode}')", "mode");
        return (request.Question, topK, new QueryOptions
        {
            Mode = mode,
            RerankCandidates = request.Rerank,
            Diversity = request.Mmr,
            Filter = (identity ?? CallerIdentity.Local).Scope(new SearchFilter { Collection = request.Collection, SourcePrefix = request.SourcePrefix, Tags = request.Tags ?? [] }),
        });
    }
}
