namespace Grounded.Evaluation.Agreement;

/// <summary>The ids one rater graded and the other did not.</summary>
/// <param name="Judge">Graded by the judge only.</param>
/// <param name="Human">Graded by the human only.</param>
public sealed record UnmatchedIds(IReadOnlyList<string> Judge, IReadOnlyList<string> Human);
