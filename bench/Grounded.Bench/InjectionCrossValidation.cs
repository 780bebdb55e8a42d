using Grounded.Evaluation.Metrics;

namespace Grounded.Bench;

/// <summary>
/// Cross-validation of the injection classifier over texts that are each one or more windows: a text's score is its
/// best window's probability, as in production; training rows are windows, each text weighing 1 in all. Texts of
/// <paramref name="alwaysTrain"/> (benign texts from elsewhere) join every training fold and are never scored.
/// </summary>
internal sealed class InjectionCrossValidation(float[][][] vectors, IReadOnlyList<bool> labels, IReadOnlyList<bool> fired, IReadOnlyList<(int Text, double Weight, bool PerWindow)> alwaysTrain)
{
    /// <summary>The penalties tried.</summary>
    public static readonly double[] Lambdas = [1, 3, 10, 30, 100, 300, 1000, 3000];

    /// <summary>The result of choosing a penalty by cross-validation on some texts.</summary>
    public sealed record Choice(double Lambda, double[] OutOfFold, InjectionCalibration.Point Calibrated);

    /// <summary>Fits a model on the texts <paramref name="train"/>.</summary>
    public LogisticRegression.Model Fit(IReadOnlyList<int> train, double lambda)
    {
        var x = new List<float[]>();
        var y = new List<bool>();
        var w = new List<double>();
        // A text's windows share its weight (an injection's instruction may sit in only one of them), except for benign
        // documents, whose every window is a benign passage in its own right.
        foreach (var (i, weight, perWindow) in train.Select(i => (i, 1.0, false)).Concat(alwaysTrain))
        {
            foreach (var v in vectors[i])
            {
                x.Add(v);
                y.Add(labels[i]);
                w.Add(perWindow ? weight : weight / vectors[i].Length);
            }
        }

        return LogisticRegression.Fit(x, y, w, lambda);
    }

    /// <summary>Returns text <paramref name="i"/>'s score under <paramref name="model"/>: its best window's probability.</summary>
    public double Score(LogisticRegression.Model model, int i) => vectors[i].Length == 0 ? 0 : vectors[i].Max(v => model.Probability(v));

    /// <summary>Returns each of <paramref name="texts"/>' score from a model that did not see it (folds as given).</summary>
    public double[] OutOfFold(IReadOnlyList<int> texts, int[] fold, int folds, double lambda)
    {
        var scores = new double[texts.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = texts.Where((_, k) => fold[k] != f).ToList();
            var model = Fit(train, lambda);
            for (var k = 0; k < texts.Count; k++)
            {
                if (fold[k] == f)
                {
                    scores[k] = Score(model, texts[k]);
                }
            }
        }

        return scores;
    }

    /// <summary>Chooses the penalty whose out-of-fold scores give the best F1 at a false-positive rate of at most <paramref name="maxFpr"/>.</summary>
    public Choice Choose(IReadOnlyList<int> texts, int folds, int seed, double maxFpr)
    {
        var textLabels = texts.Select(i => labels[i]).ToList();
        var textFired = texts.Select(i => fired[i]).ToList();
        var fold = InjectionCalibration.StratifiedFolds(textLabels, folds, seed);
        Choice? best = null;
        foreach (var lambda in Lambdas)
        {
            var oof = OutOfFold(texts, fold, folds, lambda);
            var point = InjectionCalibration.Calibrate(oof, textFired, textLabels, maxFpr);
            if (best is null || point.Counts.F1 > best.Calibrated.Counts.F1)
            {
                best = new Choice(lambda, oof, point);
            }
        }

        return best!;
    }

    /// <summary>
    /// Nested cross-validation: for each outer fold, the penalty and the threshold are chosen on the other folds alone
    /// (by an inner cross-validation), then the held-out fold is judged once. The honest estimate of what calibration buys.
    /// </summary>
    public (BinaryCounts Counts, List<double> Lambdas, List<double> Thresholds) Nested(IReadOnlyList<int> all, int folds, int innerFolds, int seed, double maxFpr)
    {
        var fold = InjectionCalibration.StratifiedFolds(all.Select(i => labels[i]).ToList(), folds, seed);
        var counts = default(BinaryCounts);
        var lambdas = new List<double>();
        var thresholds = new List<double>();
        for (var f = 0; f < folds; f++)
        {
            var train = all.Where((_, k) => fold[k] != f).ToList();
            var choice = Choose(train, innerFolds, seed + f + 1, maxFpr);
            var model = Fit(train, choice.Lambda);
            foreach (var i in all.Where((_, k) => fold[k] == f))
            {
                counts = counts.Add(fired[i] || Score(model, i) >= choice.Calibrated.Threshold, labels[i]);
            }

            lambdas.Add(choice.Lambda);
            thresholds.Add(choice.Calibrated.Threshold);
        }

        return (counts, lambdas, thresholds);
    }
}
