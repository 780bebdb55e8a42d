namespace Grounded.Evaluation.Answers;

/// <summary>The judge's verdicts on one answer, normalised to 0..1.</summary>
/// <param name="Mean">The mean verdict (the item's <c>judge_score</c>); null when no verdict was usable.</param>
/// <param name="Variance">The verdicts' population variance.</param>
/// <param name="Scores">Each verdict.</param>
/// <param name="Reason">The first verdict's reason, or why no verdict was usable.</param>
public sealed record JudgeItemReport(double? Mean, double Variance, IReadOnlyList<double> Scores, string? Reason);
