namespace Grounded.Evaluation.Reports;

/// <summary>How the PII detector did on one entity type.</summary>
/// <param name="Precision">The share of predicted entities of this type that overlap a labelled one of the same type; null when none were predicted.</param>
/// <param name="Recall">The share of labelled entities of this type overlapped by a predicted one of the same type; null when none are labelled.</param>
/// <param name="F1">The harmonic mean of precision and recall (0 when either is 0 or missing).</param>
/// <param name="Support">How many entities of this type are labelled.</param>
/// <param name="Predicted">How many entities of this type the detector reported.</param>
/// <param name="Counted">Whether the detector looks for this type, so that it counts in the micro average.</param>
/// <param name="Tokens">The same scores counted per word token instead of per entity (stricter on boundaries).</param>
public sealed record PiiTypeScore(double? Precision, double? Recall, double F1, int Support, int Predicted, bool Counted, PiiScore Tokens);
