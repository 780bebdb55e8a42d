namespace Grounded.Evaluation.Reports;

/// <summary>What <c>grounded eval retrieval</c> measured: the mean of each metric over the judged queries, and optionally each query's.</summary>
/// <param name="Dataset">The data set's folder, as given.</param>
/// <param name="Split">The qrels split the judgments came from.</param>
/// <param name="Queries">How many judged queries were asked.</param>
/// <param name="Mode">The retrieval mode (dense, keyword or hybrid).</param>
/// <param name="Metrics">Metric name (lowercase, e.g. <c>ndcg@10</c>) → mean over the queries.</param>
public sealed record RetrievalReport(string Dataset, string Split, int Queries, string Mode, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Gets the retrieval settings that produced the figures (fusion method and parameters), for the record.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets query latency percentiles in milliseconds (p50, p95), measured over the same queries.</summary>
    public IReadOnlyDictionary<string, double> LatencyMs { get; init; } = new Dictionary<string, double>();

    /// <summary>Gets each query's metrics when asked for (<c>--per-query</c>); null otherwise.</summary>
    public IReadOnlyList<QueryResult>? PerQuery { get; init; }
}
