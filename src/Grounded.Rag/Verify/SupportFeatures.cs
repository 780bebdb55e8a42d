namespace Grounded.Rag.Verify;

/// <summary>What the local check measures of one claim against its source(s).</summary>
/// <param name="Similarity">The best cosine similarity of the claim to one sentence of the source.</param>
/// <param name="Coverage">The share of the claim's content words (stemmed) the source contains; 1 for a claim without any.</param>
/// <param name="Missing">The numbers the claim states that the source does not.</param>
/// <param name="PassageCoverage">The largest share of the claim's content words that one passage of the source (a sentence, or two neighbouring ones) contains: a claim whose words are scattered over a chunk is not stated by it.</param>
internal readonly record struct SupportFeatures(double Similarity, double Coverage, IReadOnlyList<string> Missing, double PassageCoverage = 1);
