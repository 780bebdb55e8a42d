namespace Grounded.Evaluation.Datasets;

/// <summary>Two texts and whether people judged them to mean the same thing.</summary>
/// <param name="First">The first text.</param>
/// <param name="Second">The second text.</param>
/// <param name="IsParaphrase">Whether the two mean the same thing (label 1).</param>
public sealed record ParaphrasePair(string First, string Second, bool IsParaphrase);
