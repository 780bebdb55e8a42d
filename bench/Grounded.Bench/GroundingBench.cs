using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grounded.Answers;
using Grounded.Hosting;
using Grounded.Rag;
using Grounded.Rag.Verify;

namespace Grounded.Bench;

/// <summary>
/// Calibrates and measures the grounding check (docs/benchmarks.md, "Grounding verification"). On COVID-QA each gold
/// answer is a claim: against the passage (chunk) of its paper that holds it (supported), against the nearest passage of
/// another paper and the nearest passage of its own paper that does not hold it (unsupported), and with one of its
/// numbers changed against its own passage (unsupported). SciFact claims, written by annotators (paraphrases, not
/// quotes), against their cited abstract and the nearest other one. The local model is fitted on the even-numbered
/// items of both and reported on the odd ones. Then the added latency per answer on the product's query pipeline.
/// Usage: grounding [--data DIR] [--work DIR] [--every 3] [--scifact 1000] [--windows] [--variants] [--no-latency | --latency-only]
/// </summary>
internal static class GroundingBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var data = BenchData.Root(options.Get("data"));
        var work = options.Get("work") ?? Path.Combine(Path.GetTempPath(), "grounded-bench");
        var every = Math.Max(1, options.GetInt("every", 3));
        var windows = options.Get("windows") is not null || args.Contains("--windows");
        var qa = BenchData.CovidQa(data, Path.Combine(work, "covidqa-corpus"));
        await using var stack = GroundedStack.Create(new GroundedOptions { Rag = new LocalRagOptions { Store = Path.Combine(work, "store-int8") } });
        var rag = await stack.GetRagAsync();
        await rag.Ingestion().IngestAsync([Path.Combine(work, "covidqa-corpus")]);
        var verifier = rag.Verifier(windows: windows);

        if (args.Contains("--latency-only"))
        {
            await LatencyAsync(rag, qa, every);
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var covid = await GroundingCases.CovidQaAsync(rag, qa);
        Console.WriteLine($"COVID-QA: {covid.Count(c => c.Label)} answers found in a passage of their paper (of {qa.Count}); {covid.Count(c => !c.Label)} unsupported pairs");
        var scifact = await GroundingCases.SciFactAsync(rag, data, options.GetInt("scifact", 1000));
        Console.WriteLine($"SciFact: {scifact.Count(c => c.Label)} claims with their cited abstract; {scifact.Count(c => !c.Label)} unsupported pairs; built in {clock.Elapsed.TotalSeconds:0} s");
        if (args.Contains("--variants"))
        {
            // Which similarity serves best: claim vs single sentences (the default), also vs pairs of neighbouring
            // sentences, or the claim embedded as a query (the model's retrieval prefix).
            foreach (var (name, variant) in new[] { ("sentences", rag.Verifier()), ("sentences + windows", rag.Verifier(windows: true)), ("claims as queries", rag.Verifier(prefixClaims: true)) })
            {
                var c = await FeaturesAsync(variant, covid);
                var s = await FeaturesAsync(variant, scifact);
                var w = LogisticFit.Fit(c.Concat(s).Where(x => x.Case.Item % 2 == 0).Select(x => Vector(x.Features)).ToList(), c.Concat(s).Where(x => x.Case.Item % 2 == 0).Select(x => x.Case.Label).ToList());
                var model = new GroundingWeights(w[0], w[1], w[2], w[3]);
                Report($"[{name}] COVID-QA odd, fitted", c.Where(x => x.Case.Item % 2 == 1).ToList(), model.Probability, threshold: double.NaN);
                Report($"[{name}] COVID-QA odd, similarity alone", c.Where(x => x.Case.Item % 2 == 1).ToList(), f => f.Similarity, threshold: double.NaN);
                Report($"[{name}] SciFact odd, fitted", s.Where(x => x.Case.Item % 2 == 1).ToList(), model.Probability, threshold: double.NaN);
                Report($"[{name}] SciFact odd, similarity alone", s.Where(x => x.Case.Item % 2 == 1).ToList(), f => f.Similarity, threshold: double.NaN);
            }

            return 0;
        }

        var covidRows = await FeaturesAsync(verifier, covid);
        var scifactRows = await FeaturesAsync(verifier, scifact);
        Console.WriteLine($"features in {clock.Elapsed.TotalSeconds:0} s{(windows ? " (with two-sentence windows)" : string.Empty)}");

        // Fitted on the even-numbered items of both sets (extractive answers and paraphrased claims), reported on the odd ones.
        var fit = covidRows.Concat(scifactRows).Where(x => x.Case.Item % 2 == 0).ToList();
        var weights = LogisticFit.Fit(fit.Select(x => Vector(x.Features)).ToList(), fit.Select(x => x.Case.Label).ToList());
        var fitted = new GroundingWeights(weights[0], weights[1], weights[2], weights[3]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted on even items: intercept {weights[0]:0.00}, similarity {weights[1]:0.00}, coverage {weights[2]:0.00}, missing number {weights[3]:0.00}"));
        foreach (var (name, rows) in new[] { ("COVID-QA", covidRows), ("SciFact", scifactRows) })
        {
            var held = rows.Where(x => x.Case.Item % 2 == 1).ToList();
            Report($"{name} odd items, committed weights", held, GroundingWeights.Calibrated.Probability);
            Report($"{name} odd items, weights fitted now", held, fitted.Probability);
            Report($"  baseline: similarity alone", held, f => f.Similarity, threshold: double.NaN);
            Report($"  baseline: word coverage alone", held, f => f.Coverage, threshold: double.NaN);
            foreach (var t in new[] { 0.3, 0.4, 0.5, 0.6 })
            {
                var (p, r, f1) = BinaryScores.AtThreshold(held.Where(x => x.Case.Label).Select(x => GroundingWeights.Calibrated.Probability(x.Features)).ToList(),
                    held.Where(x => !x.Case.Label).Select(x => GroundingWeights.Calibrated.Probability(x.Features)).ToList(), t);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    committed weights at {t}: supported recall {r:P1}, precision {p:P1}, F1 {f1:0.000}"));
            }
        }

        if (args.Contains("--no-latency"))
        {
            return 0;
        }

        await LatencyAsync(rag, qa, every);
        return 0;
    }

    private static async Task<List<(GroundingCase Case, SupportFeatures Features)>> FeaturesAsync(GroundingVerifier verifier, List<GroundingCase> cases)
    {
        var rows = new List<(GroundingCase, SupportFeatures)>(cases.Count);
        foreach (var c in cases)
        {
            rows.Add((c, await verifier.FeaturesAsync(c.Claim, [c.Source], CancellationToken.None)));
        }

        return rows;
    }

    private static double[] Vector(SupportFeatures f) => [f.Similarity, f.Coverage, f.Missing.Count > 0 ? 1 : 0];

    private static void Report(string title, List<(GroundingCase Case, SupportFeatures Features)> rows, Func<SupportFeatures, double> score, double threshold = 0.5)
    {
        var positives = rows.Where(r => r.Case.Label).Select(r => score(r.Features)).ToList();
        var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{title}: {positives.Count} supported"));
        foreach (var kind in rows.Where(r => !r.Case.Label).Select(r => r.Case.Kind).Distinct())
        {
            var negatives = rows.Where(r => r.Case.Kind == kind).Select(r => score(r.Features)).ToList();
            line.Append(CultureInfo.InvariantCulture, $"; vs {kind} ({negatives.Count}): AUC {BinaryScores.Auc(positives, negatives):0.000}");
            if (!double.IsNaN(threshold))
            {
                line.Append(CultureInfo.InvariantCulture, $", rejected {negatives.Count(n => n < threshold) / (double)negatives.Count:P1}");
            }
        }

        var all = rows.Where(r => !r.Case.Label).Select(r => score(r.Features)).ToList();
        line.Append(CultureInfo.InvariantCulture, $"; all negatives AUC {BinaryScores.Auc(positives, all):0.000}");
        if (!double.IsNaN(threshold))
        {
            var (p, r, f1) = BinaryScores.AtThreshold(positives, all, threshold);
            line.Append(CultureInfo.InvariantCulture, $"; at {threshold}: supported recall {r:P1}, precision {p:P1}, F1 {f1:0.000}");
        }

        Console.WriteLine(line);
    }

    // The added latency per answer on the product's pipeline: extractive answers with the check off and on, and the check
    // alone on model-style answers (each gold answer cited to the retrieved chunk that holds it), whose claims are new text.
    private static async Task LatencyAsync(LocalRag rag, List<BenchData.QaItem> qa, int every)
    {
        var questions = qa.Where((_, i) => i % every == 0).ToList();
        var off = rag.QueryWith(new QueryOptions { Grounding = new GroundingOptions { Policy = GroundingPolicy.Off } });
        var on = rag.QueryWith(new QueryOptions());
        await on.AskAsync(questions[0].Question); // warm up both models
        var (offTotal, onTotal, onVerify, modelVerify) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var (claims, supported) = (0, 0);
        var verifier = rag.Verifier();
        for (var q = 0; q < questions.Count; q++)
        {
            // Each question is asked once per pipeline, and only its first ask is timed (the second would find its
            // embeddings cached): the even questions time the check off, the odd ones on.
            var item = questions[q];
            if (q % 2 == 0)
            {
                offTotal.Add((await off.AskAsync(item.Question)).Timings.TotalMs);
            }

            var answer = await on.AskAsync(item.Question);
            if (q % 2 == 1)
            {
                onTotal.Add(answer.Timings.TotalMs);
            }

            if (answer.Grounding is { Claims: { } list } grounding)
            {
                onVerify.Add(answer.Timings.VerifyMs ?? 0);
                claims += list.Count;
                supported += grounding.Supported;
            }

            var (_, evidence) = await on.GatherAsync(item.Question, 5);
            var holder = evidence.Select((e, i) => (e, i)).FirstOrDefault(x => GroundingCases.Normalize(x.e.Chunk.Chunk.Text).Contains(GroundingCases.Normalize(item.Answer), StringComparison.Ordinal));
            var n = holder.e is null ? 1 : holder.i + 1;
            var c = evidence[n - 1];
            var modelAnswer = new GeneratedAnswer($"{item.Answer.Trim()} [{n}]", false, [new Citation(n, c.Chunk.DocumentId, c.Chunk.Source, c.Chunk.Id, c.Score, c.Chunk.Chunk.Text)]);
            var started = Stopwatch.GetTimestamp();
            await verifier.VerifyAsync(modelAnswer, evidence);
            modelVerify.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine($"latency over {questions.Count} COVID-QA questions (top 5, extractive answers; machine: {Environment.ProcessorCount} cores)");
        Console.WriteLine(Percentiles("ask, grounding off (even questions)", offTotal));
        Console.WriteLine(Percentiles("ask, grounding on (odd questions)", onTotal));
        Console.WriteLine(Percentiles("  of which the check", onVerify) + string.Create(CultureInfo.InvariantCulture, $"; {claims} claims, {supported / (double)Math.Max(1, claims):P1} supported"));
        Console.WriteLine(Percentiles("check alone, model-style answers", modelVerify));
    }

    private static string Percentiles(string name, List<double> values)
    {
        var sorted = values.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} p50 {sorted[sorted.Count / 2],7:0.0} ms  p99 {sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.99))],7:0.0} ms  mean {sorted.Average(),7:0.0} ms");
    }
}
