using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;
using Grounded.Guards.Injection;
using Grounded.Rag.Embed;

namespace Grounded.Bench;

/// <summary>
/// Trains the injection classifier shipped in Grounded.Guards: prepares each text of the deepset train split as the
/// detector does (normalised, windows), embeds it with the int8 arctic-embed-xs model the product uses, chooses the L2
/// penalty and calibrates the threshold on stratified k-fold out-of-fold scores (never on the training fit), estimates
/// the whole procedure honestly by nested cross-validation, fits on every row and writes the weight file.
/// </summary>
internal static class InjectionTraining
{
    private const string Usage = "usage: train-injection [--data DIR] [--out src/Grounded.Guards/Injection/injection-classifier.json] [--folds 10] [--seed 17] "
        + "[--max-fpr 0.05] [--strict-fpr 0.01] [--window 256] [--request-weight 0.5] [--extra-weight 0.1] [--abstracts 100] [--sentences 100] "
        + "[--questions 100] [--no-requests] [--vectors CACHE] [--no-nested] [--no-write] [--errors]";

    public static async Task<int> RunAsync(string[] args)
    {
        Args options;
        try
        {
            options = Args.Parse(args);
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }

        var path = Path.Combine(BenchData.Root(options.Get("data")), "prompt-injection", "train.jsonl");
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"no training data at {path} (set --data or GROUNDED_DATA)");
            return 1;
        }

        var folds = options.GetInt("folds", 10);
        var seed = options.GetInt("seed", 17);
        var maxFpr = double.Parse(options.Get("max-fpr", "0.05"), CultureInfo.InvariantCulture);
        var strictFpr = double.Parse(options.Get("strict-fpr", "0.01"), CultureInfo.InvariantCulture);
        var root = BenchData.Root(options.Get("data"));
        var extraWeight = double.Parse(options.Get("extra-weight", "0.1"), CultureInfo.InvariantCulture);
        var requestWeight = double.Parse(options.Get("request-weight", "0.5"), CultureInfo.InvariantCulture);
        var train = InjectionDataset.Read(path);
        var (abstracts, sentences, questions) = (options.GetInt("abstracts", 100), options.GetInt("sentences", ExtraSentences), options.GetInt("questions", ExtraQuestions));
        var requests = options.Has("no-requests") ? [] : BenignRequests();
        var extras = requests.Concat(ExtraNegatives(root, abstracts, sentences, questions)).ToList();
        var heldOut = BenchData.SciFactAbstracts(root).Skip(ExtraAbstracts).Take(300).Select(t => new LabelledText(t, false)).ToList();
        var items = train.Concat(extras).Concat(heldOut).ToList();
        var labels = items.Select(i => i.IsInjection).ToList();
        var window = options.GetInt("window", 256);
        var inputs = items.Select(i => InjectionInput.Prepare(i.Text, window, new InjectionDetectorOptions().MaxWindows)).ToList();
        var fired = inputs.Select(i => i.Matches.Count > 0).ToList();

        var clock = Stopwatch.StartNew();
        var profile = ArcticXsModel.Profile(quantized: true);
        using var embedder = EmbeddingModels.ArcticXs(quantized: true);
        var vectors = await InjectionVectors.EmbedAsync(embedder, inputs, options.Get("vectors"));
        Console.WriteLine($"{train.Count} texts ({train.Count(l => l.IsInjection)} injections) and {extras.Count} benign texts from elsewhere ({requests.Count} requests weighing {requestWeight}, the rest {extraWeight} a window), {vectors.Sum(v => v.Length)} windows embedded with {profile.ModelId} in {clock.Elapsed.TotalSeconds:0.0} s");

        clock.Restart();
        var all = Enumerable.Range(0, train.Count).ToList();
        var extra = Enumerable.Range(train.Count, extras.Count).Select(i => i < train.Count + requests.Count ? (i, requestWeight, false) : (i, extraWeight, true)).ToList();
        var cv = new InjectionCrossValidation(vectors, labels, fired, extra);
        var none = labels.Select(_ => false).ToList();
        var choice = cv.Choose(all, folds, seed, maxFpr);
        var choiceLabels = all.Select(i => labels[i]).ToList();
        var choiceFired = all.Select(i => fired[i]).ToList();
        var strict = InjectionCalibration.Calibrate(choice.OutOfFold, choiceFired, choiceLabels, strictFpr);
        var alone = InjectionCalibration.Calibrate(choice.OutOfFold, none, choiceLabels, maxFpr);
        var aloneStrict = InjectionCalibration.Calibrate(choice.OutOfFold, none, choiceLabels, strictFpr);
        var heuristics = BinaryCounts.Of(choiceFired, choiceLabels);
        var aloneAtCalibrated = InjectionCalibration.Count(choice.OutOfFold, none, choiceLabels, choice.Calibrated.Threshold);
        var nested = options.Has("no-nested") ? (default(BinaryCounts), [], []) : cv.Nested(all, folds, 5, seed, maxFpr);
        var model = cv.Fit(all, choice.Lambda);
        var fit = InjectionCalibration.Count(all.Select(i => cv.Score(model, i)).ToList(), choiceFired, choiceLabels, choice.Calibrated.Threshold);
        var auc = InjectionCalibration.Auc(choice.OutOfFold, choiceLabels);
        var documents = Enumerable.Range(train.Count + extras.Count, heldOut.Count).ToList();
        var documentsFlagged = documents.Count(i => fired[i] || cv.Score(model, i) >= choice.Calibrated.Threshold);
        Console.WriteLine($"trained in {clock.Elapsed.TotalSeconds:0.0} s; penalty λ = {choice.Lambda} chosen by {folds}-fold CV (grid {string.Join(", ", InjectionCrossValidation.Lambdas)})");
        Console.WriteLine();
        Row("heuristics alone (patterns written with this set in view)", heuristics, null);
        Row($"classifier alone, {folds}-fold out-of-fold, at the calibrated threshold", aloneAtCalibrated, choice.Calibrated.Threshold);
        Row($"classifier alone, out-of-fold, best at FPR <= {maxFpr:0.00}", alone.Counts, alone.Threshold);
        Row($"classifier alone, out-of-fold, best at FPR <= {strictFpr:0.00}", aloneStrict.Counts, aloneStrict.Threshold);
        Row($"combined (pattern or classifier), out-of-fold, calibrated", choice.Calibrated.Counts, choice.Calibrated.Threshold);
        Row($"combined, out-of-fold, at FPR <= {strictFpr:0.00} (strict threshold)", strict.Counts, strict.Threshold);
        Row($"combined, nested CV (penalty and threshold chosen inside each fold)", nested.Counts, null);
        Row("combined, fitted on every row, judged on the same rows (optimistic)", fit, choice.Calibrated.Threshold);
        Console.WriteLine($"held-out benign documents (SciFact abstracts {ExtraAbstracts + 1}-{ExtraAbstracts + heldOut.Count}, not trained on): {documentsFlagged} of {heldOut.Count} flagged ({documentsFlagged / (double)heldOut.Count:0.000})");
        Console.WriteLine($"out-of-fold ROC AUC (classifier alone) {auc:0.000}; nested folds' penalties {string.Join(", ", nested.Lambdas)}; thresholds {string.Join(", ", nested.Thresholds.Select(t => t.ToString("0.000", CultureInfo.InvariantCulture)))}");

        if (options.Has("errors"))
        {
            for (var i = 0; i < train.Count; i++)
            {
                var flagged = fired[i] || choice.OutOfFold[i] >= choice.Calibrated.Threshold;
                if (flagged != labels[i])
                {
                    var text = items[i].Text.ReplaceLineEndings(" ");
                    Console.WriteLine($"{(flagged ? "FP" : "FN")} {choice.OutOfFold[i]:0.000} {(fired[i] ? string.Join("+", inputs[i].Matches.Select(m => m.Name)) : "-")} | {text[..Math.Min(160, text.Length)]}");
                }
            }
        }

        if (!options.Has("no-write"))
        {
            var output = options.Get("out", Path.Combine("src", "Grounded.Guards", "Injection", "injection-classifier.json"));
            var weights = new InjectionClassifierWeights(
                InjectionClassifierWeights.CurrentFormat, profile.ModelId, profile.Dimensions,
                model.Weights.Select(w => (float)w).ToArray(), (float)model.Bias,
                Math.Round(choice.Calibrated.Threshold, 4), Math.Round(strict.Threshold, 4), window,
                JsonSerializer.SerializeToElement(new
                {
                    data = "deepset/prompt-injections, train split (../shared/data/prompt-injection/train.jsonl)",
                    sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
                    rows = train.Count,
                    injections = train.Count(l => l.IsInjection),
                    extraNegatives = new
                    {
                        texts = extras.Count,
                        requestWeight,
                        windowWeight = extraWeight,
                        sources = $"bench/Grounded.Bench/Data/benign-requests.txt (hand-written), SciFact abstracts 1-{Math.Min(abstracts, ExtraAbstracts)}, PAWS dev sentences 1-{sentences}, COVID question-similarity questions 1-{questions}",
                    },
                    heldOutDocumentsFlagged = Math.Round(documentsFlagged / (double)heldOut.Count, 4),
                    trainedOn = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    method = "L2 logistic regression (Newton-CG, standardised features folded back), each text weighing 1 across its windows",
                    lambda = choice.Lambda,
                    folds,
                    seed,
                    maxFalsePositiveRate = maxFpr,
                    strictFalsePositiveRate = strictFpr,
                    outOfFoldAuc = Math.Round(auc, 4),
                    crossValidated = Figures(choice.Calibrated.Counts),
                    crossValidatedStrict = Figures(strict.Counts),
                    nested = Figures(nested.Counts),
                    heuristicsAlone = Figures(heuristics),
                    classifierAlone = Figures(aloneAtCalibrated),
                    trainingFit = Figures(fit),
                }, InjectionClassifierWeights.Json));
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(weights, InjectionClassifierWeights.Json) + "\n");
            Console.WriteLine($"wrote {output}");
        }

        return 0;
    }

    private const int ExtraAbstracts = 300;
    private const int ExtraSentences = 100;
    private const int ExtraQuestions = 100;

    // Benign texts of other kinds than the set's questions: requests, scientific prose, encyclopaedic sentences.
    private static List<LabelledText> BenignRequests() =>
        File.ReadLines(Path.Combine("bench", "Grounded.Bench", "Data", "benign-requests.txt")).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(t => new LabelledText(t, false)).ToList();

    private static List<LabelledText> ExtraNegatives(string root, int abstracts, int sentences, int questions) =>
        BenchData.SciFactAbstracts(root).Take(Math.Min(abstracts, ExtraAbstracts))
            .Concat(BenchData.PawsSentences(root).Take(sentences))
            .Concat(BenchData.CovidQuestions(root).Take(questions))
            .Select(t => new LabelledText(t, false)).ToList();

    private static object Figures(BinaryCounts c) => new
    {
        precision = Math.Round(c.Precision, 4),
        recall = Math.Round(c.Recall, 4),
        f1 = Math.Round(c.F1, 4),
        falsePositiveRate = Math.Round(c.FalsePositiveRate, 4),
        tp = c.TruePositives,
        fp = c.FalsePositives,
        tn = c.TrueNegatives,
        fn = c.FalseNegatives,
    };

    private static void Row(string what, BinaryCounts c, double? threshold) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what,-78} P {c.Precision:0.000}  R {c.Recall:0.000}  F1 {c.F1:0.000}  FPR {c.FalsePositiveRate:0.000}  (tp {c.TruePositives} fp {c.FalsePositives} fn {c.FalseNegatives}){(threshold is { } t ? $"  t={t:0.000}" : "")}"));
}
