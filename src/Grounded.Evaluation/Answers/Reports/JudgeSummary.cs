namespace Grounded.Evaluation.Answers;

/// <summary>How the answers were judged, and how much the judge disagreed with itself.</summary>
/// <param name="Model">The judge model.</param>
/// <param name="Prompt">The rubric prompt's reference (<c>id@version</c>).</param>
/// <param name="Repeat">Verdicts asked for per answer.</param>
/// <param name="MeanVariance">The mean over items of the verdicts' variance (0..1 scale); 0 with one verdict per answer.</param>
/// <param name="Unjudged">Items for which the judge gave no usable verdict.</param>
public sealed record JudgeSummary(string Model, string Prompt, int Repeat, double MeanVariance, int Unjudged);
