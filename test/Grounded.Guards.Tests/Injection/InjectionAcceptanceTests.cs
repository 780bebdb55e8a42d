using System.Text.Json;
using Grounded.Guards.Tests.Support;

namespace Grounded.Guards.Tests.Injection;

/// <summary>The acceptance figures on the deepset train split, read from ../shared/data (or $GROUNDED_DATA) when it is there.</summary>
[Collection(nameof(ArcticXsInt8Fixture))]
public sealed class InjectionAcceptanceTests(ArcticXsInt8Fixture model)
{
    // Optimistic: the classifier was fitted on these rows; the cross-validated figures are in docs/benchmarks.md.
    [SkippableFact]
    public async Task ReachesF1OfNinetyAtFivePercentFalsePositivesOnTheTrainSplit()
    {
        var path = TrainSplit();
        Skip.If(path is null, "the deepset prompt-injection train split is not at ../shared/data/prompt-injection/train.jsonl (or $GROUNDED_DATA)");
        var rows = File.ReadLines(path!).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => (Text: r.GetProperty("text").GetString()!, Injection: r.GetProperty("label").GetInt32() == 1)).ToList();
        var detector = model.Detector;
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var (text, injection) in rows)
        {
            var flagged = (await detector.CheckAsync(text)).IsInjection;
            (tp, fp, tn, fn) = (flagged, injection) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (true, false) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                _ => (tp, fp, tn, fn + 1),
            };
        }

        var precision = tp / (double)(tp + fp);
        var recall = tp / (double)(tp + fn);
        var f1 = 2 * precision * recall / (precision + recall);
        var fpr = fp / (double)(fp + tn);
        Assert.True(f1 >= 0.90 && fpr <= 0.05, $"F1 {f1:0.000}, FPR {fpr:0.000} (tp {tp} fp {fp} tn {tn} fn {fn})");
    }

    private static string? TrainSplit()
    {
        if (Environment.GetEnvironmentVariable("GROUNDED_DATA") is { Length: > 0 } data)
        {
            var given = Path.Combine(data, "prompt-injection", "train.jsonl");
            return File.Exists(given) ? given : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grounded.slnx")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "prompt-injection", "train.jsonl"));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
