namespace Grounded.Rag.Answer;

/// <summary>How the extractive answerer selects sentences and when it abstains (sentence relevance itself is <see cref="Rerank.SentenceRelevance"/>).</summary>
public sealed record ExtractiveOptions
{
    /// <summary>Gets the evidence strength (the best sentence's relevance) below which the answerer abstains.</summary>
    /// <value>
    /// The default, 0.82, is the smallest threshold at which ≥ 92% of 200 SciFact claims asked of a COVID-QA index
    /// abstain, as the product asks (int8 models, hybrid retrieval, sentence reranking of 15, two-model similarity,
    /// Snowball-stemmed coverage);
    /// 200 other claims check it. See docs/benchmarks.md, "Answer quality". Recalibrate when the scoring changes.
    /// </value>
    public double AbstainBelow { get; init; } = 0.82;

    /// <summary>
    /// Gets the model that decides, past <see cref="AbstainBelow"/>, whether on-topic evidence answers the question
    /// (null: the strength threshold alone decides).
    /// </summary>
    /// <value>The default is <see cref="Abstain.AbstentionModel.Default"/>, fitted on COVID-QA with each question's own paper left out (docs/benchmarks.md).</value>
    public Abstain.AbstentionModel? Abstention { get; init; } = Abstain.AbstentionModel.Default;

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
