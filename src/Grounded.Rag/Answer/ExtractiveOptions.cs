namespace Grounded.Rag.Answer;

/// <summary>How the extractive answerer selects sentences and when it abstains.</summary>
public sealed record ExtractiveOptions
{
    /// <summary>Gets the evidence strength below which the answerer abstains.</summary>
    /// <value>The default, 0.79, is the smallest threshold at which ≥ 92% of SciFact claims asked of a COVID-QA index abstain (int8 model, hybrid retrieval); see docs/benchmarks.md.</value>
    public double AbstainBelow { get; init; } = 0.79;

    /// <summary>Gets the weight of the share of the question's content terms a sentence contains.</summary>
    /// <value>The default is 0.25.</value>
    public double CoverageWeight { get; init; } = 0.25;

    /// <summary>Gets the weight of the retrieval rank of the chunk a sentence comes from (weight / (1 + rank)).</summary>
    /// <value>The default is 0.</value>
    public double RankWeight { get; init; }

    /// <summary>Gets the most sentences an answer quotes.</summary>
    /// <value>The default is 3.</value>
    public int MaxSentences { get; init; } = 3;

    /// <summary>Gets the weight of diversity against relevance when picking further sentences (maximal marginal relevance).</summary>
    /// <value>The default is 0.3.</value>
    public double Diversity { get; init; } = 0.3;

    /// <summary>Gets how far below the best sentence a further sentence may score and still be quoted.</summary>
    /// <value>The default is 0.08.</value>
    public double RelevanceMargin { get; init; } = 0.08;
}
