using System.Diagnostics;
using System.Globalization;
using Grounded.Hosting;
using Grounded.Rag;
using Grounded.Rag.Answer;
using Grounded.Rag.Embed;
using Grounded.Rag.Rerank;
using Grounded.Rag.Retrieve;
using Grounded.Stages;
using Microsoft.Extensions.AI;

namespace Grounded.Bench;

/// <summary>
/// COVID-QA answer quality (top citation is the gold paper; answer contains the gold text) and SciFact out-of-domain
/// abstention, plus the calibration of the abstention threshold: the evidence strength of every question is recorded,
/// the threshold is chosen on one half of the SciFact claims and reported on the other half.
/// Usage: answers [--data DIR] [--work DIR] [--every N] [--ood N] [--float] [--threshold T] [--fusion rrf|weighted] [--rrf-k K] [--keyword-weight W] [--rerank N] [--variants cov:chunk[:second],...] [--rerank-second] [--no-spelling] [--calibrate] [--dump FILE] [--explain Q]
/// </summary>
internal static class AnswerQuality
{
    // The smallest threshold that abstains on at least this share of the fitting claims: a margin over the 90% goal.
    private const double Target = 0.92;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var data = BenchData.Root(options.Get("data"));
        var work = options.Get("work") ?? Path.Combine(Path.GetTempPath(), "grounded-bench");
        var every = int.Parse(options.Get("every") ?? "3", CultureInfo.InvariantCulture);
        var oodCount = int.Parse(options.Get("ood") ?? "400", CultureInfo.InvariantCulture);
        var quantized = !options.Has("float");
        var qa = BenchData.CovidQa(data, Path.Combine(work, "covidqa-corpus"));
        var claims = BenchData.SciFactClaims(data);

        // The product's composition root opens the store and the model; the variants below recompose the stages.
        await using var stack = GroundedStack.Create(new GroundedOptions { Rag = new LocalRagOptions { Store = Path.Combine(work, quantized ? "store-int8" : "store-float"), QuantizedEmbeddings = quantized } });
        var rag = await stack.GetRagAsync();
        var ingestWatch = Stopwatch.StartNew();
        var report = await rag.Ingestion().IngestAsync([Path.Combine(work, "covidqa-corpus")]);
        Console.WriteLine($"ingest: added {report.Added}, unchanged {report.Unchanged}, chunks {report.Chunks} in {ingestWatch.Elapsed.TotalSeconds:0.0} s");

        // Every question and sentence embedded once over the whole run: the product's cache, unbounded here.
        var embedder = new RecentEmbeddingCache(rag.Embedder, capacity: int.MaxValue);
        var retrieval = new RetrievalOptions(); // the product's defaults unless told otherwise
        IRetriever retriever = options.Get("mode") == "dense" ? new DenseRetriever(rag.Store, embedder) : Retrievers.Create(rag.Store, embedder, retrieval with
        {
            Fusion = options.Get("fusion") is { } fusion ? Enum.Parse<FusionMethod>(fusion, ignoreCase: true) : retrieval.Fusion,
            RrfK = options.Get("rrf-k") is { } k ? int.Parse(k, CultureInfo.InvariantCulture) : retrieval.RrfK,
            KeywordWeight = options.Get("keyword-weight") is { } w ? double.Parse(w, CultureInfo.InvariantCulture) : retrieval.KeywordWeight,
        });
        var rerank = int.Parse(options.Get("rerank") ?? new LocalRagOptions().RerankCandidates.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var defaults = new ExtractiveOptions();
        var relevance = new SentenceRelevance();
        var threshold = double.Parse(options.Get("threshold") ?? defaults.AbstainBelow.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        // Variants of the relevance weights (sentence coverage : chunk IDF coverage [: second model's weight]), each with
        // its own reranking and answers. As in the product, the reranker scores with the index's model alone and the
        // answerer with the mean of both models.
        IEmbeddingGenerator<string, Embedding<float>>? second = null;
        var variants = (options.Get("variants") ?? $"{relevance.CoverageWeight}:{relevance.ChunkCoverageWeight}:{relevance.SecondModelWeight}")
            .Split(',').Select(v => v.Split(':').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray())
            .Select(w =>
            {
                var weights = new SentenceRelevance { CoverageWeight = w[0], ChunkCoverageWeight = w[1], SecondModelWeight = w.Length > 2 ? w[2] : 0 };
                if (weights.SecondModelWeight > 0)
                {
                    second ??= new RecentEmbeddingCache(EmbeddingModels.MiniLm(quantized), capacity: int.MaxValue);
                }

                var statistics = rag.Store is Grounded.Storage.ITermStatistics counts ? new Grounded.Rag.Index.LastTermStatistics(counts) : null;
                var rerankScorer = options.Has("rerank-second") ? new SentenceScorer(embedder, statistics, weights, second) : new SentenceScorer(embedder, statistics, weights with { SecondModelWeight = 0 });
                var answerScorer = new SentenceScorer(embedder, statistics, weights, second);
                return (Label: $"coverage {w[0]}, chunk coverage {w[1]}, second model {weights.SecondModelWeight}, rerank {rerank}", Reranker: new SentenceReranker(rerankScorer), Answerer: new ExtractiveAnswerer(answerScorer, defaults with { AbstainBelow = double.NegativeInfinity, Abstention = null }));
            })
            .ToList();
        async Task<IReadOnlyList<Grounded.Chunks.ScoredChunk>> EvidenceAsync(int v, string question, IReadOnlyList<Grounded.Chunks.ScoredChunk> candidates) =>
            rerank > 0 ? await variants[v].Reranker.RerankAsync(question, candidates, 5, CancellationToken.None) : candidates.Take(5).ToList();

        if (options.Get("explain") is { } explain)
        {
            var found = await EvidenceAsync(0, explain, await retriever.RetrieveAsync(explain, Math.Max(5, rerank), CancellationToken.None));
            var (strength, sentences) = await variants[0].Answerer.AnalyzeAsync(explain, found, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"strength {strength:0.000}; chunks: {string.Join(", ", found.Select(f => Path.GetFileName(f.Chunk.Source)))}"));
            foreach (var c in sentences.OrderByDescending(s => s.Relevance).Take(5))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Relevance:0.000} sim {c.Similarity:0.000} cov {c.Coverage:0.00} chunk {c.ChunkCoverage:0.00} [{Path.GetFileName(found[c.Rank].Chunk.Source)}] {c.Text[..Math.Min(110, c.Text.Length)]}"));
            }

            return 0;
        }

        var inDomain = variants.Select(_ => new List<(double Strength, bool Hit, bool Contains, bool Retrieved)>()).ToList();
        using var dump = options.Get("dump") is { } dumpPath ? new StreamWriter(dumpPath) : null;
        var recall = 0;
        var questions = qa.Where((_, i) => i % every == 0).ToList();
        // The product's rewrite stage (spelling correction) unless --no-spelling; the question is searched and judged as rewritten.
        var rewriter = options.Has("no-spelling") ? null : new Grounded.Rag.Rewrite.SpellingCorrector((Grounded.Storage.ITermStatistics)rag.Store, (Grounded.Storage.ITermVocabulary)rag.Store);
        var rewritten = 0;
        async Task<string> SearchedAsync(string text, string kind)
        {
            var searched = rewriter is null ? text : await rewriter.RewriteAsync(text, CancellationToken.None);
            if (searched != text)
            {
                rewritten++;
                if (options.Has("show-rewrites"))
                {
                    Console.WriteLine($"{kind}: {text} => {searched}");
                }
            }

            return searched;
        }

        foreach (var asked in questions)
        {
            var item = asked with { Question = await SearchedAsync(asked.Question, "in") };
            var candidates = await retriever.RetrieveAsync(item.Question, Math.Max(5, rerank), CancellationToken.None);
            recall += candidates.Take(5).Any(e => e.Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal)) ? 1 : 0;
            var retrieved = candidates.Count > 0 && candidates[0].Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal);
            for (var v = 0; v < variants.Count; v++)
            {
                var evidence = await EvidenceAsync(v, item.Question, candidates);
                var (strength, _) = await variants[v].Answerer.AnalyzeAsync(item.Question, evidence, CancellationToken.None);
                var answer = await variants[v].Answerer.GenerateAsync(item.Question, evidence, CancellationToken.None);
                var hit = answer.Citations.Count > 0 && answer.Citations[0].Source.EndsWith(item.GoldFile, StringComparison.Ordinal);
                inDomain[v].Add((strength, hit, Grounded.Evaluation.Metrics.AnswerMatch.ContainsSqueezed(answer.Text, item.Answer), retrieved));
                if (v == 0 && dump is not null)
                {
                    await DumpAsync(dump, "in", item.Question, item.GoldFile, evidence, variants[0].Answerer);
                }
            }
        }

        var oodCandidates = new List<IReadOnlyList<Grounded.Chunks.ScoredChunk>>();
        // The first 100 claims are left out: the acceptance check asks the first ten.
        var oodClaims = new List<string>();
        foreach (var asked in claims.Skip(100).Take(oodCount))
        {
            var claim = await SearchedAsync(asked, "ood");
            oodClaims.Add(claim);
            oodCandidates.Add(await retriever.RetrieveAsync(claim, Math.Max(5, rerank), CancellationToken.None));
            if (dump is not null)
            {
                await DumpAsync(dump, "ood", claim, null, await EvidenceAsync(0, claim, oodCandidates[^1]), variants[0].Answerer);
            }
        }

        Console.WriteLine($"questions and claims rewritten by spelling correction: {rewritten}");
        Console.WriteLine($"gold paper among the top-5 chunks: {recall / (double)questions.Count:0.000}");
        for (var v = 0; v < variants.Count; v++)
        {
            var ood = new List<double>();
            for (var i = 0; i < oodCandidates.Count; i++)
            {
                ood.Add((await variants[v].Answerer.AnalyzeAsync(oodClaims[i], await EvidenceAsync(v, oodClaims[i], oodCandidates[i]), CancellationToken.None)).Strength);
            }

            Console.WriteLine($"== {variants[v].Label}");
            Report(inDomain[v], ood, threshold, options.Has("calibrate"), options.Has("full"));
        }

        return 0;
    }


    private static void Report(List<(double Strength, bool Hit, bool Contains, bool Retrieved)> inDomain, List<double> ood, double threshold, bool calibrate, bool full)
    {
        // Calibrate on the even-indexed claims, report on the odd ones, so the chosen threshold is not scored on its own data.
        var fit = ood.Where((_, i) => i % 2 == 0).ToList();
        var held = ood.Where((_, i) => i % 2 == 1).ToList();
        Console.WriteLine($"questions {inDomain.Count}, out-of-domain claims {ood.Count}");
        Console.WriteLine($"retrieval hit@1 (top chunk from the gold paper): {inDomain.Count(x => x.Retrieved) / (double)inDomain.Count:0.000}");
        Console.WriteLine("threshold  answered  cite-hit@1  contains-gold  ood-abstain(fit)  ood-abstain(held-out)");
        var grid = Enumerable.Range(0, 141).Select(i => Math.Round(0.40 + (i * 0.01), 2)).Append(threshold).Distinct().Order().ToList();
        var chosen = grid.First(t => fit.Count(s => s < t) / (double)fit.Count >= Target);
        foreach (var t in grid.Where(t => full || t == threshold || Math.Abs(t - chosen) < 0.035))
        {
            var answered = inDomain.Where(x => x.Strength >= t).ToList();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{t,9:0.000}  {answered.Count / (double)inDomain.Count,8:0.000}  {answered.Count(x => x.Hit) / (double)inDomain.Count,10:0.000}  {answered.Count(x => x.Contains) / (double)inDomain.Count,13:0.000}  {fit.Count(s => s < t) / (double)fit.Count,16:0.000}  {held.Count(s => s < t) / (double)held.Count,21:0.000}");
            Console.WriteLine(t == threshold ? line + "   <- current default" : line);
        }

        if (calibrate)
        {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibrated threshold: {chosen:0.00} (ood abstain on fit half >= {Target})"));
        }
    }

    // One JSON line per question: the evidence chunks and the answerer's sentence scores, for offline analysis.
    private static async Task DumpAsync(StreamWriter dump, string kind, string question, string? gold, IReadOnlyList<Grounded.Chunks.ScoredChunk> evidence, ExtractiveAnswerer answerer)
    {
        var (strength, sentences) = await answerer.AnalyzeAsync(question, evidence, CancellationToken.None);
        var record = new
        {
            kind,
            question,
            gold,
            strength,
            evidence = evidence.Select(e => new { source = Path.GetFileName(e.Chunk.Source), score = e.Score, text = e.Chunk.Chunk.Text }),
            sentences = sentences.Select(c => new { rank = c.Rank, sim = c.Similarity, cov = c.Coverage, chunk = c.ChunkCoverage, text = c.Text }),
        };
        await dump.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(record));
    }
}
