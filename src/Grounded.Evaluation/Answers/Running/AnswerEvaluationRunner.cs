using Grounded.Answers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Grounded.Evaluation.Answers;

/// <summary>
/// Runs an answer-quality evaluation: asks every item through an <see cref="AnswerSource"/>, scores each answer with
/// the MEAI.Evaluation evaluators (<see cref="Evaluators"/>), and builds the report with intervals, tags and the gate.
/// </summary>
public sealed class AnswerEvaluationRunner
{
    private readonly AnswerEvaluationOptions _options;

    /// <summary>Creates a runner; the options are copied and checked here.</summary>
    public AnswerEvaluationRunner(AnswerEvaluationOptions? options = null)
    {
        _options = (options ?? new AnswerEvaluationOptions()) with { };
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Parallelism, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.Parallelism, 16);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.Tolerance);
        var evaluators = new List<IEvaluator> { new ExactMatchEvaluator(), new TokenF1Evaluator(), new RougeLEvaluator() };
        if (_options.Embedder is { } embedder)
        {
            evaluators.Add(new SemanticSimilarityEvaluator(embedder));
        }

        evaluators.Add(new CitationEvaluator());
        evaluators.Add(new AbstentionEvaluator());
        if (_options.Judge is { } judge)
        {
            evaluators.Add(new AnswerJudgeEvaluator(judge.Client, judge.Model, judge.Prompt, judge.Cache, judge.Repeat));
        }

        Evaluators = evaluators;
    }

    /// <summary>Gets the evaluators each answer is scored with, in order.</summary>
    public IReadOnlyList<IEvaluator> Evaluators { get; }

    /// <summary>Gets the metric names the report carries: the standard seven, then <c>judge_score</c> when judged.</summary>
    public IReadOnlyList<string> MetricNames => _options.Judge is null ? AnswerMetrics.Standard : [.. AnswerMetrics.Standard, AnswerMetrics.JudgeScore];

    /// <summary>Asks and scores every item; <paramref name="progress"/> hears how many are done.</summary>
    public async Task<AnswerEvaluationReport> RunAsync(IReadOnlyList<AnswerItem> items, AnswerSource answers, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(answers);
        var started = _options.Time.GetTimestamp();
        var results = new (AnswerItemReport Report, EvaluationResult Result)[items.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var answer = await answers(items[i], token).ConfigureAwait(false);
            results[i] = await ScoreAsync(items[i], answer, token).ConfigureAwait(false);
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);

        var report = AnswerReportBuilder.Build(results.Select(r => r.Report).ToList(), MetricNames, _options.Resamples, _options.Seed);
        var gate = _options.Baseline is { } baseline ? BaselineGate.Check(baseline, report.Metrics, _options.Tolerance) : GateResult.NoBaseline;
        return report with
        {
            Gate = gate,
            Prompt = _options.Prompt,
            Model = _options.Model,
            ElapsedSeconds = Math.Round(_options.Time.GetElapsedTime(started).TotalSeconds, 3),
            Judge = _options.Judge is { } judge ? AnswerReportBuilder.Summarize(judge, report.Items) : null,
        };
    }

    /// <summary>Scores one answer to <paramref name="item"/> with every evaluator; returns the item's report and the merged MEAI result.</summary>
    public async Task<(AnswerItemReport Report, EvaluationResult Result)> ScoreAsync(AnswerItem item, GroundedAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(answer);
        var question = new ChatMessage(ChatRole.User, item.Question);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Answer));
        EvaluationContext[] contexts = [new ReferenceAnswersContext(item.Answers), new ReferenceSourcesContext(item.Sources), AnswerOutcomeContext.Of(answer)];
        var merged = new EvaluationResult();
        foreach (var evaluator in Evaluators)
        {
            var result = await evaluator.EvaluateAsync(question, response, chatConfiguration: null, contexts, cancellationToken).ConfigureAwait(false);
            foreach (var (name, metric) in result.Metrics)
            {
                merged.Metrics[name] = metric;
            }
        }

        var values = MetricNames.ToDictionary(n => n, n => merged.Metrics.TryGetValue(n, out var m) && m is NumericMetric numeric ? numeric.Value : null, StringComparer.Ordinal);
        var report = new AnswerItemReport(item.Id, item.Question, item.Answers, item.Sources, item.Tags, answer.Answer, answer.Abstained,
            answer.Citations.Select(c => c.Source).ToList(), values)
        {
            Judge = merged.Metrics.TryGetValue(AnswerMetrics.JudgeScore, out var judged) ? AnswerReportBuilder.JudgeOf((NumericMetric)judged) : null,
        };
        return (report, merged);
    }
}
