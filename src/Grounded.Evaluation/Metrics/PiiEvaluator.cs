using System.Diagnostics;
using System.Text.RegularExpressions;
using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Reports;
using Grounded.Guards.Pii;

namespace Grounded.Evaluation.Metrics;

/// <summary>
/// Scores a PII detector against labelled texts. An entity matches when the predicted and labelled types are equal and
/// the spans overlap by at least one character: a labelled entity is found when some prediction of its type overlaps it
/// (recall), a prediction is right when it overlaps some labelled entity of its type (precision). One prediction can so
/// cover several labels (an address labelled in pieces) and boundaries need not agree; the per-token scores, where each
/// word token takes the type of the span around it, show how well the boundaries agree.
/// </summary>
public static partial class PiiEvaluator
{
    /// <summary>The matching rule, as reported.</summary>
    public const string Matching = "span overlap: same type and at least one character in common (precision over predictions, recall over labels); tokens: per word token";

    /// <summary>Runs <paramref name="detector"/> on every sample and scores it; types outside <paramref name="detectedTypes"/> are reported but not counted in the micro average.</summary>
    public static PiiEvalReport Evaluate(IReadOnlyList<PiiSample> samples, IPiiDetector detector, IReadOnlyCollection<string> detectedTypes)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(detector);
        var started = Stopwatch.GetTimestamp();
        var predictions = samples.Select(s => (IReadOnlyList<PiiSpan>)detector.Detect(s.Text).Select(e => new PiiSpan(e.Type, e.Start, e.End)).ToList()).ToList();
        var elapsed = Stopwatch.GetElapsedTime(started);
        return Score(samples, predictions, detectedTypes) with
        {
            MicrosecondsPerText = samples.Count == 0 ? null : Math.Round(elapsed.TotalMicroseconds / samples.Count, 1),
        };
    }

    /// <summary>Scores <paramref name="predictions"/> (one list per sample) against the samples' labels.</summary>
    public static PiiEvalReport Score(IReadOnlyList<PiiSample> samples, IReadOnlyList<IReadOnlyList<PiiSpan>> predictions, IReadOnlyCollection<string> detectedTypes)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(detectedTypes);
        if (samples.Count != predictions.Count)
        {
            throw new ArgumentException($"{predictions.Count} predictions for {samples.Count} samples", nameof(predictions));
        }

        var counts = new Dictionary<string, Counts>(StringComparer.Ordinal);
        Counts Of(string type) => counts.TryGetValue(type, out var c) ? c : counts[type] = new Counts();
        foreach (var type in detectedTypes)
        {
            Of(type);
        }

        for (var i = 0; i < samples.Count; i++)
        {
            var gold = samples[i].Spans;
            var predicted = predictions[i];
            foreach (var label in gold)
            {
                var c = Of(label.Type);
                c.Labelled++;
                c.Found += predicted.Any(p => p.Type == label.Type && Overlap(p, label)) ? 1 : 0;
            }

            foreach (var prediction in predicted)
            {
                var c = Of(prediction.Type);
                c.Predicted++;
                c.Correct += gold.Any(g => g.Type == prediction.Type && Overlap(prediction, g)) ? 1 : 0;
            }

            CountTokens(samples[i].Text, gold, predicted, Of);
        }

        var counted = detectedTypes.ToHashSet(StringComparer.Ordinal);
        var byType = counts
            .OrderByDescending(kv => counted.Contains(kv.Key)).ThenByDescending(kv => kv.Value.Labelled).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => TypeScore(kv.Value, counted.Contains(kv.Key)), StringComparer.Ordinal);
        var mine = counts.Where(kv => counted.Contains(kv.Key)).Select(kv => kv.Value).ToList();
        var micro = PiiScore.Of(mine.Sum(c => c.Correct), mine.Sum(c => c.Predicted), mine.Sum(c => c.Found), mine.Sum(c => c.Labelled));
        var microTokens = PiiScore.Of(mine.Sum(c => c.TokensRight), mine.Sum(c => c.TokensPredicted), mine.Sum(c => c.TokensRight), mine.Sum(c => c.TokensLabelled));
        var notCounted = counts.Where(kv => !counted.Contains(kv.Key) && kv.Value.Labelled > 0).OrderByDescending(kv => kv.Value.Labelled).Select(kv => kv.Key).ToList();
        return new PiiEvalReport("pii", samples.Count, Matching, byType, micro, microTokens, notCounted);
    }

    private static PiiTypeScore TypeScore(Counts c, bool counted)
    {
        var score = PiiScore.Of(c.Correct, c.Predicted, c.Found, c.Labelled);
        var tokens = PiiScore.Of(c.TokensRight, c.TokensPredicted, c.TokensRight, c.TokensLabelled);
        return new PiiTypeScore(score.Precision, score.Recall, score.F1, c.Labelled, c.Predicted, counted, tokens);
    }

    private static bool Overlap(PiiSpan a, PiiSpan b) => a.Start < b.End && b.Start < a.End;

    // Each word token takes the type of the first span that overlaps it, on each side; a token is right when both agree.
    private static void CountTokens(string text, IReadOnlyList<PiiSpan> gold, IReadOnlyList<PiiSpan> predicted, Func<string, Counts> of)
    {
        foreach (var token in Word().EnumerateMatches(text))
        {
            var span = new PiiSpan(string.Empty, token.Index, token.Index + token.Length);
            var labelled = gold.FirstOrDefault(g => Overlap(g, span))?.Type;
            var guessed = predicted.FirstOrDefault(p => Overlap(p, span))?.Type;
            if (labelled is not null)
            {
                of(labelled).TokensLabelled++;
            }

            if (guessed is not null)
            {
                var c = of(guessed);
                c.TokensPredicted++;
                c.TokensRight += guessed == labelled ? 1 : 0;
            }
        }
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex Word();

    private sealed class Counts
    {
        public int Labelled { get; set; }

        public int Found { get; set; }

        public int Predicted { get; set; }

        public int Correct { get; set; }

        public int TokensLabelled { get; set; }

        public int TokensPredicted { get; set; }

        public int TokensRight { get; set; }
    }
}
