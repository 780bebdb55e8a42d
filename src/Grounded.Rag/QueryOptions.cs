using Grounded.Rag.Retrieve;
using Grounded.Rag.Verify;
using Grounded.Stages;
using Grounded.Storage;

namespace Grounded.Rag;

/// <summary>How one query is answered, where it differs from the <see cref="LocalRagOptions"/> a <see cref="LocalRag"/> was opened with; null keeps the opened setting.</summary>
public sealed record QueryOptions
{
    /// <summary>Gets the retrieval mode: hybrid, dense or keyword.</summary>
    public RetrievalMode? Mode { get; init; }

    /// <summary>Gets how many retrieved chunks the sentence reranker reorders before the top-k are kept; 0 turns reranking off.</summary>
    public int? RerankCandidates { get; init; }

    /// <summary>Gets the λ of maximal marginal relevance over the retrieved chunks; 0 turns it off.</summary>
    public double? Diversity { get; init; }

    /// <summary>Gets the documents retrieval is restricted to; null or empty searches every document.</summary>
    public SearchFilter? Filter { get; init; }

    /// <summary>Gets the answer stage; null uses the extractive answerer.</summary>
    public IAnswerGenerator? Answerer { get; init; }

    /// <summary>
    /// Gets the most tokens of evidence a model-written answer's prompt may carry (the answer model's context budget):
    /// beyond it the evidence is compressed to its most relevant sentences. Null leaves the evidence whole; the extractive
    /// answerer is never compressed.
    /// </summary>
    public int? ContextBudget { get; init; }

    /// <summary>Gets how evidence tokens are counted for <see cref="ContextBudget"/> (the answer model's tokenizer); null estimates four characters a token.</summary>
    public Func<string, int>? CountTokens { get; init; }

    /// <summary>Gets how this query's answer is checked against its sources; null keeps the opened setting.</summary>
    public GroundingOptions? Grounding { get; init; }

    /// <summary>Gets the model that judges the answer's claims; null: the local check alone.</summary>
    public GroundingJudge? GroundingJudge { get; init; }

    /// <summary>Gets the answerer that writes the self-consistency samples (the answer model at temperature 0.3); null: no samples, whatever <see cref="GroundingOptions.Samples"/> says.</summary>
    public IAnswerGenerator? GroundingSampler { get; init; }

    /// <summary>Returns every problem with these options (empty when they are valid), naming the options as the library does.</summary>
    public IEnumerable<string> Validate()
    {
        if (ContextBudget is < 1)
        {
            yield return $"the context budget must be at least 1 token (got {ContextBudget})";
        }

        if (RerankCandidates is < 0 or > 1000)
        {
            yield return $"the rerank candidates must be between 0 and 1000 (got {RerankCandidates})";
        }

        if (Diversity is < 0 or > 1 || (Diversity is { } d && double.IsNaN(d)))
        {
            yield return $"the diversity (MMR λ) must be between 0 and 1 (got {Diversity})";
        }

        foreach (var problem in Grounding?.Validate() ?? [])
        {
            yield return problem;
        }
    }
}
