using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Evaluation;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;
using Grounded.Evaluation.Reports;
using Grounded.Rag;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Rag.Retrieve;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded eval retrieval --dataset DIR</c>: scores retrieval on a BEIR data set (nDCG@10, Recall@k, Precision@k, MRR@10, MAP).</summary>
[Description("Score retrieval on a BEIR-layout data set: nDCG@10, Recall@k, Precision@k, MRR@10 and MAP")]
internal sealed class EvalRetrievalCommand : GroundedCommand<EvalRetrievalSettings>
{
    protected override async Task<int> RunAsync(EvalRetrievalSettings settings, CancellationToken cancellationToken)
    {
        BeirDataset dataset;
        try
        {
            dataset = await BeirDataset.LoadAsync(settings.Dataset, settings.Split, cancellationToken).ConfigureAwait(false);
        }
        catch (DatasetException error)
        {
            throw new UserInputException(error.Message);
        }

        if (settings.Limit is { } limit)
        {
            dataset = dataset.WithFirstQueries(limit);
        }

        var retrieval = settings.Retrieval();
        var chunking = new ChunkingOptions();
        var quantized = !settings.NoQuantize;
        var store = settings.Store ?? EvalCache.DirectoryFor("beir", Path.GetFullPath(settings.Dataset), dataset.CorpusHash,
            $"{chunking.ChunkTokens}/{chunking.OverlapTokens}", ArcticXsModel.Profile(quantized).ModelId, BeirIndex.Layout);
        await using var stack = OpenStack(new LocalRagOptions
        {
            Store = store, QuantizedEmbeddings = quantized, Chunking = chunking, Retrieval = retrieval,
        });
        var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
        await BeirIndex.EnsureAsync(rag, dataset, cancellationToken).ConfigureAwait(false);

        var evaluator = new RetrievalEvaluator(settings.Cutoffs);
        var chunkDepth = Math.Min(1000, evaluator.Depth * 2);
        async Task<IReadOnlyList<string>> Rank(string query, CancellationToken token)
        {
            if (string.IsNullOrWhiteSpace(query))
            {
                return [];
            }

            var hits = await rag.Retriever.RetrieveAsync(query, chunkDepth, token).ConfigureAwait(false);
            if (settings.Rerank > 0)
            {
                // The reranked head keeps its new order above every chunk left in retrieval order.
                var head = await rag.Reranker.RerankAsync(query, hits.Take(settings.Rerank).ToList(), settings.Rerank, token).ConfigureAwait(false);
                hits = head.Select((h, i) => new Grounded.Chunks.ScoredChunk(h.Chunk, 1e6 - i)).Concat(hits.Skip(settings.Rerank)).ToList();
            }

            return DocumentRanking.FromChunks(hits, c => c.DocumentId).Take(evaluator.Depth).ToList();
        }

        await Rank(dataset.Queries[0].Text, cancellationToken).ConfigureAwait(false); // warm-up: loads the vectors, so timings are steady-state
        var mode = RetrievalOptions.Name(retrieval.Mode);
        var report = await QueryProgress.RunAsync($"Asking {dataset.Queries.Count} queries ({mode})", dataset.Queries.Count, progress =>
            evaluator.EvaluateAsync(dataset, mode, Rank, settings.PerQuery, progress, cancellationToken)).ConfigureAwait(false);
        var latency = new Dictionary<string, double>(report.LatencyMs, StringComparer.Ordinal) { ["topK"] = chunkDepth };
        if (settings.Latency)
        {
            latency = await TimeAtTopKAsync(rag, dataset, 10, cancellationToken).ConfigureAwait(false);
        }

        var described = new Dictionary<string, string>(retrieval.Describe(), StringComparer.Ordinal);
        if (settings.Rerank > 0)
        {
            described["rerank"] = settings.Rerank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        report = report with { Settings = described, LatencyMs = latency };
        if (settings.Json)
        {
            JsonOutput.Write(report);
            return ExitCodes.Success;
        }

        Print(report);
        return ExitCodes.Success;
    }

    private static async Task<Dictionary<string, double>> TimeAtTopKAsync(LocalRag rag, BeirDataset dataset, int topK, CancellationToken cancellationToken)
    {
        var timings = new List<double>(dataset.Queries.Count);
        foreach (var query in dataset.Queries.Where(q => !string.IsNullOrWhiteSpace(q.Text)))
        {
            var start = TimeProvider.System.GetTimestamp();
            await rag.Retriever.RetrieveAsync(query.Text, topK, cancellationToken).ConfigureAwait(false);
            timings.Add(TimeProvider.System.GetElapsedTime(start).TotalMilliseconds);
        }

        var summary = Percentiles.Summary(timings);
        summary["topK"] = topK;
        return summary;
    }

    private static void Print(RetrievalReport report)
    {
        var console = CliConsole.Out;
        console.MarkupLine($"{Markup.Escape(report.Dataset)} · split {Markup.Escape(report.Split)} · {report.Queries} queries · {Markup.Escape(string.Join(", ", report.Settings.Select(s => $"{s.Key} {s.Value}")))}");
        var table = new Table().AddColumns("metric", "value");
        foreach (var (name, value) in report.Metrics)
        {
            table.AddRow(Markup.Escape(name), value.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (report.PerQuery is { } perQuery)
        {
            var queries = new Table().AddColumns("query", "ndcg@10", "mrr@10", "top documents", "text");
            foreach (var q in perQuery)
            {
                var text = q.Query.Length > 60 ? q.Query[..60] + "…" : q.Query;
                queries.AddRow(Markup.Escape(q.Id), q.Metrics["ndcg@10"].ToString("0.000", CultureInfo.InvariantCulture),
                    q.Metrics["mrr@10"].ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(string.Join(" ", q.Top.Take(3))), Markup.Escape(text));
            }

            console.Write(queries);
        }

        console.MarkupLine($"[grey]query latency p50 {report.LatencyMs["p50"]:0.0} ms · p95 {report.LatencyMs["p95"]:0.0} ms (top {report.LatencyMs["topK"]:0} chunks)[/]");
    }
}
