namespace Grounded.Evaluation.Drift;

/// <summary>One drift signal: its value in each window, the change, its p-value and whether it is flagged.</summary>
/// <param name="Name">What is compared: <c>query_centroid_distance</c>, <c>query_spread</c>, <c>top_score</c>, <c>abstention_rate</c>, <c>guard_trigger_rate</c>, <c>grounding_score</c>.</param>
/// <param name="Recent">The recent window's value (for the centroid distance: the distance between the windows' centroids).</param>
/// <param name="Reference">The reference window's value (for the centroid distance: the distance expected from sampling alone).</param>
/// <param name="Delta">Recent minus reference.</param>
/// <param name="PValue">The two-sided p-value of no change; null when the signal could not be tested (too few values).</param>
/// <param name="Flagged">Whether the change is significant (p below the level) and at least <paramref name="MinimumEffect"/>.</param>
/// <param name="MinimumEffect">The smallest change flagged, in the signal's units.</param>
public sealed record DriftSignal(string Name, double? Recent, double? Reference, double? Delta, double? PValue, bool Flagged, double MinimumEffect);
