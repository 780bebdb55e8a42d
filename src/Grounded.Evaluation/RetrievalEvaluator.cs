using System.Diagnostics;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;
using Grounded.Evaluation.Reports;

namespace Grounded.Evaluation;

/// <summary>Asks every judged query of a data set through a ranking function and scores the rankings.</summary>
public sealed class RetrievalEvaluator
{
    private readonly IReadOnlyList<int> _cutoffs;
    private readonly TimeProvider _time;

    /// <summary>Creates the evaluator for the cut-offs asked (the contract's 5, 10 and 100 are always added).</summary>
    public RetrievalEvaluator(IEnumerable<int> cutoffs, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        _cutoffs = RetrievalMetrics.Cutoffs(cutoffs);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Gets how many documents each query must rank: the largest cut-off.</summary>
    public int Depth => _cutoffs[^1];

    /// <summary>Runs every judged query through <paramref name="rank"/> (document ids, best first) and returns the mean and per-query metrics.</summary>
    public async Task<RetrievalReport> EvaluateAsync(BeirDataset dataset, string mode, Func<string, CancellationToken, Task<IReadOnlyList<string>>> rank,
        bool perQuery = false, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rank);
        var all = new List<OrderedDictionary<string, double>>(dataset.Queries.Count);
        var results = new List<QueryResult>();
        var latencies = new List<double>(dataset.Queries.Count);
        foreach (var query in dataset.Queries)
        {
            var start = _time.GetTimestamp();
            var ranking = await rank(query.Text, cancellationToken).ConfigureAwait(false);
            latencies.Add(_time.GetElapsedTime(start).TotalMilliseconds);
            var metrics = RetrievalMetrics.Compute(ranking, query.Relevance, _cutoffs);
            all.Add(metrics);
            if (perQuery)
            {
                var rounded = metrics.ToDictionary(m => m.Key, m => Math.Round(m.Value, 4), StringComparer.Ordinal);
                results.Add(new QueryResult(query.Id, query.Text, rounded, ranking.Take(10).ToList()));
            }

            progress?.Report(all.Count);
        }

        Debug.Assert(all.Count == dataset.Queries.Count);
        return new RetrievalReport(dataset.Directory, dataset.Split, dataset.Queries.Count, mode, RetrievalMetrics.Mean(all))
        {
            LatencyMs = Percentiles.Summary(latencies),
            PerQuery = perQuery ? results : null,
        };
    }
}
