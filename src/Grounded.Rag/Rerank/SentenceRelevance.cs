namespace Grounded.Rag.Rerank;

/// <summary>
/// How a sentence's relevance to a question is scored: its embedding similarity to the question (the mean of two models'
/// when the scorer has a second one), plus a bonus for
/// the share of the question's words it contains, plus a bonus for the share of the question's rarer words its chunk
/// contains (weighted by inverse chunk frequency, so a question's distinctive terms count most).
/// </summary>
public sealed record SentenceRelevance
{
    /// <summary>Gets the weight of the share of the question's content terms the sentence contains.</summary>
    /// <value>The default is 0.25 (docs/benchmarks.md, "Answer quality").</value>
    public double CoverageWeight { get; init; } = 0.25;

    /// <summary>Gets the weight of the IDF-weighted share of the question's terms the sentence's chunk contains.</summary>
    /// <value>The default is 0.25 (docs/benchmarks.md, "Answer quality").</value>
    public double ChunkCoverageWeight { get; init; } = 0.25;

    /// <summary>Gets the weight of the second model's similarity in the similarity (the first model's gets the rest), when the scorer has a second model.</summary>
    /// <value>The default is 0.5, the two models' plain mean (docs/benchmarks.md, "Answer quality"); 0 leaves the second model out (and unloaded).</value>
    public double SecondModelWeight { get; init; } = 0.5;
}
