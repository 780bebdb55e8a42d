namespace Grounded.Evaluation.Agreement;

/// <summary>One rater's grade of one item.</summary>
/// <param name="Id">The item's id, as the file spells it.</param>
/// <param name="Value">The grade (a number on the rating scale).</param>
public sealed record Grade(string Id, double Value);
