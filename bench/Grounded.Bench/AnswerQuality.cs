using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grounded.Rag;
using Grounded.Rag.Answer;
using Grounded.Rag.Retrieve;

namespace Grounded.Bench;

/// <summary>
/// COVID-QA answer quality (top citation is the gold paper; answer contains the gold text) and SciFact out-of-domain
/// abstention, plus the calibration of the abstention threshold: the evidence strength of every question is recorded,
/// the threshold is chosen on one half of the SciFact claims and reported on the other half.
/// Usage: answers [--data DIR] [--work DIR] [--every N] [--ood N] [--float] [--threshold T]
/// </summary>
internal static class AnswerQuality
{
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
        var retriever = new DenseRetriever(rag.Store, embedder);
        var defaults = new ExtractiveOptions();
        var threshold = double.Parse(options.Get("threshold") ?? defaults.AbstainBelow.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var answerer = new ExtractiveAnswerer(embedder, defaults with { AbstainBelow = double.NegativeInfinity });

        var inDomain = new List<(double Strength, bool Hit, bool Contains, bool Retrieved)>();
        foreach (var item in qa.Where((_, i) => i % every == 0))
        {
            var evidence = await retriever.RetrieveAsync(item.Question, 5, CancellationToken.None);
            var (strength, _) = await answerer.AnalyzeAsync(item.Question, evidence, CancellationToken.None);
            var answer = await answerer.GenerateAsync(item.Question, evidence, CancellationToken.None);
            var hit = answer.Citations.Count > 0 && answer.Citations[0].Source.EndsWith(item.GoldFile, StringComparison.Ordinal);
            var retrieved = evidence.Count > 0 && evidence[0].Chunk.Source.EndsWith(item.GoldFile, StringComparison.Ordinal);
            inDomain.Add((strength, hit, Normalize(answer.Text).Contains(Normalize(item.Answer), StringComparison.Ordinal), retrieved));
        }

        var ood = new List<double>();
        foreach (var claim in claims.Take(oodCount))
        {
            var evidence = await retriever.RetrieveAsync(claim, 5, CancellationToken.None);
            ood.Add((await answerer.AnalyzeAsync(claim, evidence, CancellationToken.None)).Strength);
        }

        Report(inDomain, ood, threshold, options.Has("calibrate"));
        return 0;
    }

    private static void Report(List<(double Strength, bool Hit, bool Contains, bool Retrieved)> inDomain, List<double> ood, double threshold, bool calibrate)
    {
        // Calibrate on the even-indexed claims, report on the odd ones, so the chosen threshold is not scored on its own data.
        var fit = ood.Where((_, i) => i % 2 == 0).ToList();
        var held = ood.Where((_, i) => i % 2 == 1).ToList();
        Console.WriteLine($"questions {inDomain.Count}, out-of-domain claims {ood.Count}");
        Console.WriteLine($"retrieval hit@1 (top chunk from the gold paper): {inDomain.Count(x => x.Retrieved) / (double)inDomain.Count:0.000}");
        Console.WriteLine("threshold  answered  cite-hit@1  contains-gold  ood-abstain(fit)  ood-abstain(held-out)");
        var grid = Enumerable.Range(0, 41).Select(i => 0.40 + (i * 0.01)).Append(threshold).Distinct().Order();
        foreach (var t in grid)
        {
            var answered = inDomain.Where(x => x.Strength >= t).ToList();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{t,9:0.000}  {answered.Count / (double)inDomain.Count,8:0.000}  {answered.Count(x => x.Hit) / (double)inDomain.Count,10:0.000}  {answered.Count(x => x.Contains) / (double)inDomain.Count,13:0.000}  {fit.Count(s => s < t) / (double)fit.Count,16:0.000}  {held.Count(s => s < t) / (double)held.Count,21:0.000}");
            Console.WriteLine(t == threshold ? line + "   <- current default" : line);
        }

        if (calibrate)
        {
            // The smallest threshold that abstains on ≥ 95% of the fitting claims: a margin over the 90% goal.
            var chosen = grid.First(t => fit.Count(s => s < t) / (double)fit.Count >= 0.95);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibrated threshold: {chosen:0.00} (ood abstain on fit half >= 0.95)"));
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
