namespace Grounded.Evaluation.Agreement;

/// <summary>Weighted kappa under the two usual disagreement weights.</summary>
/// <param name="Quadratic">With weights (i − j)² / (k − 1)².</param>
/// <param name="Linear">With weights |i − j| / (k − 1).</param>
public sealed record WeightedKappas(double? Quadratic, double? Linear);
