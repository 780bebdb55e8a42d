using System.Globalization;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>Aggregates item results into a report: means over applicable items, bootstrap intervals, means per tag, counts.</summary>
internal static class AnswerReportBuilder
{
    public static AnswerEvaluationReport Build(IReadOnlyList<AnswerItemReport> items, IReadOnlyList<string> metricNames, int resamples, int seed)
    {
        var metrics = Means(items, metricNames);
        var confidence = metricNames.ToDictionary(
            n => n, n => BootstrapInterval.Of(Values(items, n), resamples, seed: seed), StringComparer.Ordinal);
        var tags = items.SelectMany(i => i.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(t => t, t => (IReadOnlyDictionary<string, double?>)Means(items.Where(i => i.Tags.Contains(t, StringComparer.Ordinal)).ToList(), metricNames), StringComparer.Ordinal);
        var answerable = items.Count(i => i.Expected.Count > 0);
        var counts = new AnswerCounts(items.Count, answerable, items.Count - answerable, items.Count(i => i.Abstained));
        return new AnswerEvaluationReport(items, metrics, confidence, tags, counts, GateResult.NoBaseline, null, null, 0);
    }

    public static JudgeItemReport JudgeOf(NumericMetric metric)
    {
        var scores = Meta(metric, AnswerJudgeEvaluator.ScoresKey) is { Length: > 0 } list
            ? list.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList()
            : [];
        var variance = Meta(metric, AnswerJudgeEvaluator.VarianceKey) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : 0;
        var reason = metric.Value is null ? string.Join("; ", metric.Diagnostics?.Select(d => d.Message) ?? []) : metric.Reason;
        return new JudgeItemReport(metric.Value, Math.Round(variance, 6), scores, reason);
    }

    private static string? Meta(NumericMetric metric, string key) =>
        metric.Metadata is { } metadata && metadata.TryGetValue(key, out var value) ? value : null;

    public static JudgeSummary Summarize(AnswerJudge judge, IReadOnlyList<AnswerItemReport> items)
    {
        var judged = items.Where(i => i.Judge?.Mean is not null).ToList();
        var meanVariance = judged.Count == 0 ? 0 : judged.Average(i => i.Judge!.Variance);
        return new JudgeSummary(judge.Model, judge.Prompt.Ref, judge.Repeat, Math.Round(meanVariance, 6), items.Count - judged.Count);
    }

    private static Dictionary<string, double?> Means(IReadOnlyList<AnswerItemReport> items, IReadOnlyList<string> metricNames) =>
        metricNames.ToDictionary(n => n, n => Values(items, n) is { Count: > 0 } values ? Math.Round(values.Average(), 6) : (double?)null, StringComparer.Ordinal);

    private static List<double> Values(IReadOnlyList<AnswerItemReport> items, string metric) =>
        items.Select(i => i.Metrics.GetValueOrDefault(metric)).OfType<double>().ToList();
}
