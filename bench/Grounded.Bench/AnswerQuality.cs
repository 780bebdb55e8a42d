using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grounded.Rag;
using Grounded.Rag.Answer;
using Grounded.Rag.Retrieve;
using Grounded.Stages;

namespace Grounded.Bench;

/// <summary>
/// COVID-QA answer quality (top citation is the gold paper; answer contains the gold text) and SciFact out-of-domain
/// abstention, plus the calibration of the abstention threshold: the evidence strength of every question is recorded,
/// the threshold is chosen on one half of the SciFact claims and reported on the other half.
/// Usage: answers [--data DIR] [--work DIR] [--every N] [--ood N] [--float] [--threshold T] [--fusion rrf|weighted] [--rrf-k K] [--keyword-weight W]
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

        await using var rag = await LocalRag.OpenAsync(new LocalRagOptions { StoreDirectory = Path.Combine(work, quantized ? "store-int8" : "store-float"), QuantizedEmbeddings = quantized });
        var ingestWatch = Stopwatch.StartNew();
        var report = await rag.Ingestion().IngestAsync([Path.Combine(work, "covidqa-corpus")]);
        Console.WriteLine($"ingest: added {report.Added}, unchanged {report.Unchanged}, chunks {report.Chunks} in {ingestWatch.Elapsed.TotalSeconds:0.0} s");

        var embedder = new CachingEmbedder(rag.Embedder);
        var retrieval = new RetrievalOptions(); // the product's defaults unless told otherwise
        IRetriever retriever = options.Get("mode") == "dense" ? new DenseRetriever(rag.Store, embedder) : Retrievers.Create(rag.Store, embedder, retrieval with
        {
            Fusion = options.Get("fusion") is { } fusion ? Enum.Parse<FusionMethod>(fusion, ignoreCase: true) : retrieval.Fusion,
            RrfK = options.Get("rrf-k") is { } k ? int.Parse(k, CultureInfo.InvariantCulture) : retrieval.RrfK,
            KeywordWeight = options.Get("keyword-weight") is { } w ? double.Parse(w, CultureInfo.InvariantCulture) : retrieval.KeywordWeight,
        });
        var defaults = new ExtractiveOptions();
        var threshold = double.Parse(options.Get("threshold") ?? defaults.AbstainBelow.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (options.Get("explain") is { } explain)
        {
            var probe = new ExtractiveAnswerer(embedder, defaults);
            var found = await retriever.RetrieveAsync(explain, 5, CancellationToken.None);
            var (strength, candidates) = await probe.AnalyzeAsync(explain, found, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"strength {strength:0.000}; chunks: {string.Join(", ", found.Select(f => Path.GetFileName(f.Chunk.Source)))}"));
            foreach (var c in candidates.OrderByDescending(probe.Relevance).Take(5))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {probe.Relevance(c):0.000} sim {c.Similarity:0.000} cov {c.Coverage:0.00} [{Path.GetFileName(found[c.Rank].Chunk.Source)}] {c.Text[..Math.Min(110, c.Text.Length)]}"));
            }

            return 0;
        }

        // Variants of the answerer's weights (coverage, rank), all scored on the same retrieval results.
        var variants = (options.Get("variants") ?? $"{defaults.CoverageWeight}:{defaults.RankWeight}")
            .Split(',').Select(v => v.Split(':').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray())
            .Select(w => (Label: $"coverage {w[0]}, rank {w[1]}", Answerer: new ExtractiveAnswerer(embedder, defaults with { AbstainBelow = double.NegativeInfinity, CoverageWeight = w[0], RankWeight = w[1] })))
            .ToList();
        var inDomain = variants.Select(_ => new List<(double Strength, bool Hit, bool Contains, bool Retrieved)>()).ToList();
        var recall = 0;
        var questions = qa.Where((_, i) => i % every == 0).ToList();
        foreach (var item in questions)
        {
            var evidence = await retriever.RetrieveAsync(item.Question, 5, CancellationToken.None);
            recall += evidence.Any(e => e.Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal)) ? 1 : 0;
            var retrieved = evidence.Count > 0 && evidence[0].Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal);
            for (var v = 0; v < variants.Count; v++)
            {
                var (strength, _) = await variants[v].Answerer.AnalyzeAsync(item.Question, evidence, CancellationToken.None);
                var answer = await variants[v].Answerer.GenerateAsync(item.Question, evidence, CancellationToken.None);
                var hit = answer.Citations.Count > 0 && answer.Citations[0].Source.EndsWith(item.GoldFile, StringComparison.Ordinal);
                inDomain[v].Add((strength, hit, Normalize(answer.Text).Contains(Normalize(item.Answer), StringComparison.Ordinal), retrieved));
            }
        }

        var oodEvidence = new List<IReadOnlyList<Grounded.Chunks.ScoredChunk>>();
        // The first 100 claims are left out: the acceptance check asks the first ten.
        foreach (var claim in claims.Skip(100).Take(oodCount))
        {
            oodEvidence.Add(await retriever.RetrieveAsync(claim, 5, CancellationToken.None));
        }

        Console.WriteLine($"gold paper among the top-5 chunks: {recall / (double)questions.Count:0.000}");
        for (var v = 0; v < variants.Count; v++)
        {
            var ood = new List<double>();
            for (var i = 0; i < oodEvidence.Count; i++)
            {
                ood.Add((await variants[v].Answerer.AnalyzeAsync(claims[100 + i], oodEvidence[i], CancellationToken.None)).Strength);
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

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
