using System.Globalization;
using Grounded.Hosting;
using Grounded.Rag;
using Grounded.Rag.Embed;
using Grounded.Rag.Retrieve;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// Paper-level retrieval on COVID-QA for each leg (dense, keyword, hybrid): is the top chunk from the gold paper, and is
/// the gold paper among the top five; and, for the hybrid leg, does a top-1 / top-5 chunk contain the gold answer text.
/// Usage: legs [--data DIR] [--work DIR] [--every N] [--float] [--chunk-tokens N] [--chunker NAME]
/// [--fusion rrf|weighted] [--rrf-k K] [--keyword-weight W] (the product's retrieval defaults otherwise)
/// </summary>
internal static class RetrievalLegs
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var data = BenchData.Root(options.Get("data"));
        var work = options.Get("work") ?? Path.Combine(Path.GetTempPath(), "grounded-bench");
        var every = int.Parse(options.Get("every") ?? "3", CultureInfo.InvariantCulture);
        var tokens = int.Parse(options.Get("chunk-tokens") ?? "512", CultureInfo.InvariantCulture);
        var quantized = !options.Has("float");
        var chunker = Grounded.Rag.Chunking.Chunkers.Parse(options.Get("chunker") ?? "auto") ?? throw new ArgumentException("--chunker must be auto, tokens, sections, code, turns or semantic");
        var chunkerName = Grounded.Rag.Chunking.Chunkers.NameOf(chunker);
        var qa = BenchData.CovidQa(data, Path.Combine(work, "covidqa-corpus"));
        var chunking = new Grounded.Rag.Chunking.ChunkingOptions { ChunkTokens = tokens, OverlapTokens = Math.Min(64, tokens / 8) };
        await using var stack = GroundedStack.Create(new GroundedOptions { Rag = new LocalRagOptions
        {
            Store = Path.Combine(work, $"store-{(quantized ? "int8" : "float")}-{tokens}{(chunker == Grounded.Rag.Chunking.ChunkerKind.Auto ? string.Empty : "-" + chunkerName)}"),
            QuantizedEmbeddings = quantized, Chunking = chunking,
        } });
        var rag = await stack.GetRagAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await rag.Ingestion(chunker: chunker).IngestAsync([Path.Combine(work, "covidqa-corpus")]);
        var stats = await rag.Store.GetStatisticsAsync(CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest ({chunkerName}): added {report.Added}, unchanged {report.Unchanged} in {watch.Elapsed.TotalSeconds:0.0} s; chunkers {string.Join(", ", report.DocumentsByChunker.Select(p => $"{p.Key} {p.Value}"))}; {stats.Chunks} chunks in the store"));
        var prefix = rag.Embedder.Profile.QueryPrefix;
        var questions = qa.Where((_, i) => i % every == 0).ToList();
        int denseHit = 0, denseRecall = 0, keyHit = 0, keyRecall = 0, hybHit = 0, hybRecall = 0, answerHit = 0, answerRecall = 0;
        var defaults = new RetrievalOptions(); // the product's defaults unless told otherwise
        var hybrid = Retrievers.Create(rag.Store, rag.Embedder, defaults with
        {
            Fusion = options.Get("fusion") is { } fusion ? Enum.Parse<FusionMethod>(fusion, ignoreCase: true) : defaults.Fusion,
            RrfK = options.Get("rrf-k") is { } k ? int.Parse(k, CultureInfo.InvariantCulture) : defaults.RrfK,
            KeywordWeight = options.Get("keyword-weight") is { } w ? double.Parse(w, CultureInfo.InvariantCulture) : defaults.KeywordWeight,
        });
        foreach (var item in questions)
        {
            var vector = await rag.Embedder.GenerateVectorAsync(prefix + item.Question);
            var dense = await rag.Store.SearchAsync(vector, 5, CancellationToken.None);
            var keyword = await rag.Store.KeywordSearchAsync(item.Question, 5, CancellationToken.None);
            var fused = await hybrid.RetrieveAsync(item.Question, 5, CancellationToken.None);
            Count(dense, ref denseHit, ref denseRecall);
            Count(keyword, ref keyHit, ref keyRecall);
            Count(fused, ref hybHit, ref hybRecall);
            var answer = Normalize(item.Answer);
            answerHit += fused.Count > 0 && Normalize(fused[0].Chunk.Chunk.Text).Contains(answer, StringComparison.Ordinal) ? 1 : 0;
            answerRecall += fused.Any(f => Normalize(f.Chunk.Chunk.Text).Contains(answer, StringComparison.Ordinal)) ? 1 : 0;

            void Count(IReadOnlyList<Grounded.Chunks.ScoredChunk> hits, ref int hit, ref int recall)
            {
                hit += hits.Count > 0 && hits[0].Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal) ? 1 : 0;
                recall += hits.Any(h => h.Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal)) ? 1 : 0;
            }
        }

        double n = questions.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chunk-tokens {tokens}, {questions.Count} questions, model {rag.Embedder.Profile.ModelId}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dense   paper-hit@1 {denseHit / n:0.000}  paper-recall@5 {denseRecall / n:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"keyword paper-hit@1 {keyHit / n:0.000}  paper-recall@5 {keyRecall / n:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hybrid  paper-hit@1 {hybHit / n:0.000}  paper-recall@5 {hybRecall / n:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hybrid  answer-in-chunk@1 {answerHit / n:0.000}  answer-in-chunk@5 {answerRecall / n:0.000}"));
        return 0;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
