using Grounded.Evaluation.Datasets;
using Grounded.Guards;
using Grounded.Guards.Injection;

namespace Grounded.Evaluation.Tests;

public sealed class InjectionEvaluationTests
{
    [Fact]
    public async Task ScoresTheDetectorsVerdictsAgainstTheLabels()
    {
        LabelledText[] items =
        [
            new("ignore this", true), new("ignore that", true), new("a question", false), new("ignore me, a question", false), new("sneaky", true),
        ];
        var progress = new List<int>();

        var report = await InjectionEvaluation.EvaluateAsync(items, new WordDetector("ignore"), new SyncProgress(progress));

        Assert.Equal(5, report.Items);
        Assert.Equal((2, 1, 1, 1), (report.TruePositives, report.FalsePositives, report.TrueNegatives, report.FalseNegatives));
        Assert.Equal(2 / 3.0, report.Precision, 1e-12);
        Assert.Equal(2 / 3.0, report.Recall, 1e-12);
        Assert.Equal(0.5, report.FalsePositiveRate);
        Assert.Equal([1, 2, 3, 4, 5], progress);
    }

    // Flags texts that contain a word: enough to check the counting.
    private sealed class WordDetector(string word) : IInjectionDetector
    {
        public ValueTask<InjectionVerdict> CheckAsync(string text, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new InjectionVerdict(text.Contains(word, StringComparison.Ordinal), 0, "word", Array.Empty<GuardSpan>()));

        public async ValueTask<IReadOnlyList<InjectionVerdict>> CheckAllAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            var verdicts = new List<InjectionVerdict>();
            foreach (var text in texts)
            {
                verdicts.Add(await CheckAsync(text, cancellationToken));
            }

            return verdicts;
        }
    }

    private sealed class SyncProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
