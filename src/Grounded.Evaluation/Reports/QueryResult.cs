namespace Grounded.Evaluation.Reports;

/// <summary>One query's metrics and the documents it ranked first.</summary>
/// <param name="Id">The query's id.</param>
/// <param name="Query">The query text.</param>
/// <param name="Metrics">Metric name → value for this query.</param>
/// <param name="Top">The ids of the first documents retrieved, best first.</param>
public sealed record QueryResult(string Id, string Query, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Top);
