namespace Grounded.Rag.Answer;

/// <summary>How the extractive answerer selects sentences and when it abstains.</summary>
public sealed record ExtractiveOptions
{
    /// <summary>Gets the evidence strength below which the answerer abstains.</summary>
    /// <value>The default was calibrated on COVID-QA questions against SciFact claims (see docs/benchmarks.md).</value>
    public double AbstainBelow { get; init; } = 0.5;

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
