using Grounded.Answers;
using Grounded.Evaluation.Answers;
using static Grounded.Evaluation.Tests.Answers.AnswerFixtures;

namespace Grounded.Evaluation.Tests.Answers;

public sealed class AnswerEvaluationRunnerTests
{
    private static readonly AnswerItem[] Items =
    [
        new("size", "What is the default chunk size?", ["512 tokens"], ["chunking.md"], ["chunking"]),
        new("overlap", "What is the default overlap?", ["64 tokens"], ["chunking.md"], ["chunking"]),
        new("fly", "Can Grounded fly?", [], [], ["unanswerable"]),
    ];

    private static Task<GroundedAnswer> Answers(AnswerItem item, CancellationToken _) => Task.FromResult(item.Id switch
    {
        "size" => Answered("512 tokens [1]", "docs/concepts/chunking.md"),
        "overlap" => Abstained(),
        _ => Answered("Yes, it flies [1].", "docs/cli.md"),
    });

    [Fact]
    public async Task TheReportHoldsItemsMeansTagsCountsAndAPassingGateWithoutBaseline()
    {
        var progress = new List<int>();
        var report = await new AnswerEvaluationRunner(new AnswerEvaluationOptions { Parallelism = 2, Model = "extractive" })
            .RunAsync(Items, Answers, new SynchronousProgress(progress));

        Assert.Equal(["size", "overlap", "fly"], report.Items.Select(i => i.Id));
        Assert.Equal(0.5, report.Metrics[AnswerMetrics.TokenF1]);            // 1 and 0 over the answerable two
        Assert.Equal(0, report.Metrics[AnswerMetrics.AbstentionAccuracy]);   // answered the unanswerable one
        Assert.Equal(1, report.Metrics[AnswerMetrics.CitationPrecision]);    // the abstention cites nothing: not counted
        Assert.Equal(0.5, report.Tags["chunking"][AnswerMetrics.TokenF1]);
        Assert.Null(report.Tags["unanswerable"][AnswerMetrics.TokenF1]);
        Assert.Equal(new AnswerCounts(3, 2, 1, 1), report.Counts);
        Assert.True(report.Gate.Passed);
        Assert.Empty(report.Gate.Failures);
        Assert.Equal([1, 2, 3], progress.Order());
        Assert.InRange(report.Metrics[AnswerMetrics.TokenF1]!.Value, report.Confidence[AnswerMetrics.TokenF1]![0], report.Confidence[AnswerMetrics.TokenF1]![1]);
    }

    [Fact]
    public async Task ABaselineTheRunFallsBelowFailsTheGate()
    {
        var report = await new AnswerEvaluationRunner(new AnswerEvaluationOptions
        {
            Baseline = new Dictionary<string, double?> { [AnswerMetrics.TokenF1] = 0.9, [AnswerMetrics.CitationPrecision] = 1.0 },
        }).RunAsync(Items, Answers);

        Assert.False(report.Gate.Passed);
        Assert.Equal(AnswerMetrics.TokenF1, Assert.Single(report.Gate.Failures).Metric);
    }

    private sealed class SynchronousProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
