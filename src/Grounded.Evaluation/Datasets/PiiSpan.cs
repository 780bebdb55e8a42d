namespace Grounded.Evaluation.Datasets;

/// <summary>One labelled piece of personal data in an evaluation text.</summary>
/// <param name="Type">The entity type, as the data set names it (<c>PERSON</c>, <c>CREDIT_CARD</c>, ...).</param>
/// <param name="Start">The offset of the first character.</param>
/// <param name="End">The offset just past the last character.</param>
public sealed record PiiSpan(string Type, int Start, int End);
