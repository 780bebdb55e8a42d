using Grounded.Evaluation.Metrics;

namespace Grounded.Evaluation.Reports;

/// <summary>The matcher's and a cosine-only matcher's scores at one threshold.</summary>
/// <param name="Threshold">The cosine threshold.</param>
/// <param name="Hits">How many pairs the matcher served.</param>
/// <param name="Precision">The share of hits that are paraphrases; null when there are no hits.</param>
/// <param name="Recall">The share of paraphrases served.</param>
/// <param name="HitRate">The share of all pairs served.</param>
/// <param name="CosineOnly">The cosine-only matcher's scores at this threshold.</param>
public sealed record CacheEvalPoint(double Threshold, int Hits, double? Precision, double Recall, double HitRate, MatchScore CosineOnly);
