using System.ComponentModel;
using System.Globalization;
using Grounded.Cli.Output;
using Grounded.Evaluation;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Reports;
using Grounded.Rag;
using Grounded.Rag.Chunking;
using Grounded.Rag.Embed;
using Grounded.Rag.Ingest;
using Grounded.Rag.Retrieve;
using Spectre.Console;

namespace Grounded.Cli.Commands;

/// <summary><c>grounded eval chunking</c>: indexes a corpus once per chunk size and scores whether a retrieved chunk holds each gold answer.</summary>
[Description("Compare chunk sizes on a QA set: is the gold answer text in a retrieved chunk (hit@k, MRR)?")]
internal sealed class EvalChunkingCommand : GroundedCommand<EvalChunkingSettings>
{
    protected override async Task<int> RunAsync(EvalChunkingSettings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Corpus))
        {
            throw new UserInputException($"no such corpus folder: {settings.Corpus}");
        }

        IReadOnlyList<QaQuestion> questions;
        try
        {
            questions = QaQuestionsFile.Read(settings.Questions);
        }
        catch (DatasetException error)
        {
            throw new UserInputException(error.Message);
        }

        var quantized = !settings.NoQuantize;
        var mode = RetrievalOptions.ParseMode(settings.Mode) ?? RetrievalMode.Hybrid;
        var results = new List<ChunkingReport>();
        foreach (var size in settings.Sizes)
        {
            var chunking = new ChunkingOptions { ChunkTokens = size, OverlapTokens = settings.OverlapFor(size) };
            var store = settings.Store is { } root
                ? Path.Combine(root, $"chunks-{size}")
                : EvalCache.DirectoryFor("chunking", Path.GetFullPath(settings.Corpus), $"{size}/{chunking.OverlapTokens}", ArcticXsModel.Profile(quantized).ModelId);
            await using var stack = OpenStack(new LocalRagOptions
            {
                Store = store, QuantizedEmbeddings = quantized, Chunking = chunking, Retrieval = new RetrievalOptions { Mode = mode },
            });
            var rag = await stack.GetRagAsync(cancellationToken).ConfigureAwait(false);
            await IngestProgressBar.RunAsync($"Indexing at {size} tokens", progress =>
                rag.Ingestion().IngestAsync([settings.Corpus], new IngestOptions { Prune = true }, progress, cancellationToken)).ConfigureAwait(false);
            var stats = await rag.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            var metrics = await QueryProgress.RunAsync($"Asking {questions.Count} questions at {size} tokens", questions.Count, progress =>
                ChunkingEvaluator.EvaluateAsync(questions, settings.K, async (q, token) =>
                    (await rag.Retriever.RetrieveAsync(q, settings.K, token).ConfigureAwait(false)).Select(h => h.Chunk.Chunk.Text).ToList(),
                    progress, cancellationToken)).ConfigureAwait(false);
            results.Add(new ChunkingReport(size, chunking.OverlapTokens, stats.Chunks, questions.Count, metrics));
        }

        if (settings.Json)
        {
            JsonOutput.Write(new { corpus = settings.Corpus, questions = settings.Questions, k = settings.K, mode = RetrievalOptions.Name(mode), results });
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("chunk tokens", "overlap", "chunks", "hit@1", $"hit@{settings.K}", $"mrr@{settings.K}");
        foreach (var r in results)
        {
            table.AddRow([.. new object[] { r.ChunkTokens, r.OverlapTokens, r.Chunks }.Select(Format), .. r.Metrics.Values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture))]);
        }

        CliConsole.Out.MarkupLine($"{questions.Count} questions · {Markup.Escape(settings.Corpus)} · mode {RetrievalOptions.Name(mode)}");
        CliConsole.Out.Write(table);
        return ExitCodes.Success;
    }

    private static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
