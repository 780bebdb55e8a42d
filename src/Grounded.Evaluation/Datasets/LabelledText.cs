namespace Grounded.Evaluation.Datasets;

/// <summary>A text and whether it is a prompt injection, from a labelled evaluation set.</summary>
/// <param name="Text">The text.</param>
/// <param name="IsInjection">Whether the set labels it an injection (1, <c>unsafe</c>).</param>
public sealed record LabelledText(string Text, bool IsInjection);
