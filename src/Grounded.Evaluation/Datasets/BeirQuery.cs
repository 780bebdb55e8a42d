namespace Grounded.Evaluation.Datasets;

/// <summary>One judged query of a BEIR split, with the graded relevance of the documents judged for it.</summary>
/// <param name="Id">The query's <c>_id</c>.</param>
/// <param name="Text">The query text.</param>
/// <param name="Relevance">Document id → relevance grade from the qrels (only grades above 0 count as relevant).</param>
public sealed record BeirQuery(string Id, string Text, IReadOnlyDictionary<string, int> Relevance);
