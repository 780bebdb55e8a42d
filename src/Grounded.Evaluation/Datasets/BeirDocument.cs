namespace Grounded.Evaluation.Datasets;

/// <summary>One document of a BEIR corpus (a line of <c>corpus.jsonl</c>).</summary>
/// <param name="Id">The document's <c>_id</c>, as the qrels name it.</param>
/// <param name="Title">The title; empty when the corpus has none.</param>
/// <param name="Text">The body text.</param>
public sealed record BeirDocument(string Id, string Title, string Text);
