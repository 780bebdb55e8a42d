namespace Grounded.Evaluation.Drift;

/// <summary>What one window of traffic looked like.</summary>
/// <param name="N">How many questions were logged.</param>
/// <param name="Spread">The mean cosine distance of its questions to their centroid.</param>
/// <param name="TopScore">The mean best retrieval score (null when none was recorded).</param>
/// <param name="AbstentionRate">The share of questions the answerer abstained on.</param>
/// <param name="GuardTriggerRate">The share of questions on which some guard acted.</param>
/// <param name="GroundingScore">The mean grounding score of the answers that had one (null when none had).</param>
public sealed record WindowSummary(int N, double? Spread, double? TopScore, double AbstentionRate, double GuardTriggerRate, double? GroundingScore);
