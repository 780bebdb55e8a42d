namespace Grounded.Rag.Rerank;

/// <summary>One sentence of the evidence with its scores against the question.</summary>
public sealed class ScoredSentence(string text, int rank)
{
    /// <summary>Gets the sentence as an answer quotes it: reference markers removed, each run of whitespace one space.</summary>
    public string Text { get; } = text;

    /// <summary>Gets the index of the evidence chunk the sentence comes from.</summary>
    public int Rank { get; } = rank;

    /// <summary>Gets whether an answer may quote the span: false for a heading or a code fence, which count as evidence of relevance but are not sentences.</summary>
    public bool IsQuotable { get; internal init; } = true;

    /// <summary>Gets the sentence's embedding (normalised).</summary>
    public ReadOnlyMemory<float> Vector { get; internal set; }

    /// <summary>Gets the cosine similarity of the sentence to the question.</summary>
    public double Similarity { get; internal set; }

    /// <summary>Gets the share of the question's content terms the sentence contains.</summary>
    public double Coverage { get; internal set; }

    /// <summary>Gets the IDF-weighted share of the question's content terms the sentence contains.</summary>
    public double WeightedCoverage { get; internal set; }

    /// <summary>Gets the IDF-weighted share of the question's content terms the sentence's chunk contains.</summary>
    public double ChunkCoverage { get; internal set; }

    /// <summary>Gets the IDF weight of the heaviest question term the sentence's chunk lacks, as a share of the heaviest term's weight (0 when it has them all).</summary>
    public double ChunkMissing { get; internal set; }

    /// <summary>Gets the combined relevance (see <see cref="SentenceRelevance"/>).</summary>
    public double Relevance { get; internal set; }
}
