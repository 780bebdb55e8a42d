namespace Grounded.Evaluation.Reports;

/// <summary>How the injection detector did on a labelled set (<c>grounded guard eval --guard injection</c>).</summary>
/// <param name="Items">The number of texts checked.</param>
/// <param name="Precision">The share of texts flagged that are injections.</param>
/// <param name="Recall">The share of injections flagged.</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
/// <param name="FalsePositiveRate">The share of benign texts flagged.</param>
/// <param name="TruePositives">Injections flagged.</param>
/// <param name="FalsePositives">Benign texts flagged.</param>
/// <param name="TrueNegatives">Benign texts let through.</param>
/// <param name="FalseNegatives">Injections let through.</param>
public sealed record InjectionEvalReport(
    int Items, double Precision, double Recall, double F1, double FalsePositiveRate,
    int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives);
