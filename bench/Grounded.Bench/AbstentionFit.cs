using System.Globalization;
using Grounded.Rag.Answer.Abstain;

namespace Grounded.Bench;

/// <summary>
/// Fits the extractive answerer's abstention model on the features <c>abstain-features</c> wrote: a logistic regression
/// of "answer" (answerable, and the answer cites the question's paper) against "abstain" (the paper is not in the index),
/// fitted on the even papers and reported on the odd ones, beside the single threshold on the best sentence's relevance.
/// The threshold is chosen on the fitting half: the highest probability cut that keeps its citation recall at --recall.
/// Usage: abstain-fit --features FILE [--features-used a,b,...] [--recall 0.83] [--lambda 1] [--misses negative|skip]
/// </summary>
internal static class AbstentionFit
{
    public static Task<int> RunAsync(string[] args)
    {
        var options = Args.Parse(args);
        var lines = File.ReadAllLines(options.Get("features")!);
        var header = lines[0].Split(',');
        var used = (options.Get("features-used") ?? string.Join(',', AbstentionFeatures.Names)).Split(',');
        var columns = used.Select(u => Array.IndexOf(header, u)).ToArray();
        if (columns.Any(c => c < 0))
        {
            throw new ArgumentException($"unknown feature in --features-used; known: {string.Join(", ", header.Skip(4))}");
        }

        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(f => new Row(
            int.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), f[2] == "1", f[3] == "1",
            columns.Select(c => float.Parse(f[c], CultureInfo.InvariantCulture)).ToArray(),
            double.Parse(f[Array.IndexOf(header, "relevance")], CultureInfo.InvariantCulture))).ToList();
        var recallGoal = double.Parse(options.Get("recall") ?? "0.83", CultureInfo.InvariantCulture);
        var lambda = double.Parse(options.Get("lambda") ?? "1", CultureInfo.InvariantCulture);
        var skipMisses = options.Get("misses") == "skip";
        var fit = rows.Where(r => r.Paper % 2 == 0).ToList();
        var test = rows.Where(r => r.Paper % 2 == 1).ToList();
        var training = fit.Where(r => !r.Answerable || r.CitesGold || !skipMisses).ToList();
        var model = LogisticRegression.Fit(training.Select(r => r.X).ToList(), training.Select(r => r.Answerable && r.CitesGold).ToList(), training.Select(_ => 1.0).ToList(), lambda);
        Console.WriteLine($"rows: fit {fit.Count} (answerable {fit.Count(r => r.Answerable)}), report {test.Count} (answerable {test.Count(r => r.Answerable)})");
        Console.WriteLine("weights: " + string.Join(", ", used.Zip(model.Weights, (n, w) => string.Create(CultureInfo.InvariantCulture, $"{n} {w:0.0000}"))) + string.Create(CultureInfo.InvariantCulture, $"; bias {model.Bias:0.0000}"));
        for (var j = 0; j < used.Length; j++)
        {
            var auc = BinaryScores.Auc(rows.Where(r => r.Answerable && r.CitesGold).Select(r => (double)r.X[j]).ToList(), rows.Where(r => !r.Answerable).Select(r => (double)r.X[j]).ToList());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  AUC of {used[j]} alone: {auc:0.000}"));
        }

        Report("relevance threshold", fit, test, r => r.Relevance, recallGoal);
        if (options.Get("trees") is { } trees)
        {
            var predict = AbstentionTrees.Fit(training.Select(r => r.X).ToList(), training.Select(r => r.Answerable && r.CitesGold).ToList(), int.Parse(trees, CultureInfo.InvariantCulture), options.GetInt("leaves", 8));
            Report("boosted trees", fit, test, r => predict(r.X), recallGoal);
        }

        var cut = Report("combined model", fit, test, r => model.Probability(r.X), recallGoal);
        foreach (var r in test.Where(r => !r.Answerable).OrderByDescending(r => model.Probability(r.X)).Take(options.GetInt("show", 0)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  answered unanswerable: paper {r.Paper} question {r.Index} p {model.Probability(r.X):0.000}"));
        }

        if (options.Get("write") is { } path)
        {
            var json = new System.Text.Json.Nodes.JsonObject
            {
                ["fitted"] = $"bench -- abstain-fit {string.Join(' ', args)}",
                ["weights"] = new System.Text.Json.Nodes.JsonObject(used.Zip(model.Weights, (n, w) => KeyValuePair.Create(n, (System.Text.Json.Nodes.JsonNode?)Math.Round(w, 6)))),
                ["bias"] = Math.Round(model.Bias, 6),
                ["threshold"] = Math.Round(cut, 6),
            };
            File.WriteAllText(path, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
            Console.WriteLine($"wrote {path}");
        }

        return Task.FromResult(0);
    }

    private static double Report(string name, List<Row> fit, List<Row> test, Func<Row, double> score, double recallGoal)
    {
        var cut = fit.Select(score).Distinct().OrderByDescending(s => s).FirstOrDefault(c => Recall(fit, score, c) >= recallGoal);
        var auc = BinaryScores.Auc(test.Where(r => r.Answerable && r.CitesGold).Select(score).ToList(), test.Where(r => !r.Answerable).Select(score).ToList());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: cut {cut:0.0000}; fit: abstention {Abstention(fit, score, cut):0.000} recall {Recall(fit, score, cut):0.000}; held-out: abstention {Abstention(test, score, cut):0.000} recall {Recall(test, score, cut):0.000} (never abstaining {Recall(test, score, double.NegativeInfinity):0.000}), AUC {auc:0.000}"));
        foreach (var goal in new[] { 0.75, 0.8, 0.85, 0.9 })
        {
            var c = fit.Select(score).Distinct().OrderByDescending(s => s).FirstOrDefault(x => Recall(fit, score, x) >= goal);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   fit recall {goal:0.00}: cut {c:0.000} held-out abstention {Abstention(test, score, c):0.000} recall {Recall(test, score, c):0.000}"));
        }

        return cut;
    }

    // The share of unanswerable askings abstained on.
    private static double Abstention(List<Row> rows, Func<Row, double> score, double cut) =>
        rows.Where(r => !r.Answerable).Average(r => score(r) < cut ? 1.0 : 0.0);

    // The share of answerable askings answered with the question's paper cited.
    private static double Recall(List<Row> rows, Func<Row, double> score, double cut) =>
        rows.Where(r => r.Answerable).Average(r => r.CitesGold && score(r) >= cut ? 1.0 : 0.0);

    private sealed record Row(int Paper, int Index, bool Answerable, bool CitesGold, float[] X, double Relevance);
}
