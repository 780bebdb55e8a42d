namespace Grounded.Evaluation.Datasets;

/// <summary>One evaluation text and the personal data labelled in it.</summary>
/// <param name="Text">The full text.</param>
/// <param name="Spans">The labelled entities, in file order.</param>
public sealed record PiiSample(string Text, IReadOnlyList<PiiSpan> Spans);
