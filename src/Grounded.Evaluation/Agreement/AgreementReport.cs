namespace Grounded.Evaluation.Agreement;

/// <summary>How well a judge's grades agree with a human's on the items both graded.</summary>
/// <param name="N">How many items both graded.</param>
/// <param name="Kappa">Cohen's kappa; null when undefined (both raters gave one and the same grade throughout).</param>
/// <param name="WeightedKappa">Weighted kappa, quadratic and linear weights.</param>
/// <param name="Spearman">Spearman's rank correlation; null when a rater's grades do not vary.</param>
/// <param name="Agreement">The share of items given the same grade.</param>
/// <param name="Labels">The grades, in order: the confusion matrix's rows and columns.</param>
/// <param name="Confusion">How many items got each pair of grades: the human's grade as the row, the judge's as the column.</param>
/// <param name="Unmatched">The ids only one file grades.</param>
public sealed record AgreementReport(
    int N, double? Kappa, WeightedKappas WeightedKappa, double? Spearman, double Agreement,
    IReadOnlyList<double> Labels, IReadOnlyList<IReadOnlyList<long>> Confusion, UnmatchedIds Unmatched);
