namespace Grounded.Rag.Verify;

/// <summary>What the local check measures of one claim against its source(s).</summary>
/// <param name="Similarity">The best cosine similarity of the claim to one sentence (or two neighbouring sentences) of the source.</param>
/// <param name="Coverage">The share of the claim's content words (stemmed) the source contains; 1 for a claim without any.</param>
/// <param name="Missing">The numbers the claim states that the source does not.</param>
internal readonly record struct SupportFeatures(double Similarity, double Coverage, IReadOnlyList<string> Missing);
