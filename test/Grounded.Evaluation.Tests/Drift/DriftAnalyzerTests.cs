using Grounded.Evaluation.Drift;
using Grounded.Usage;

namespace Grounded.Evaluation.Tests.Drift;

public sealed class DriftAnalyzerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TwoSamplesOfTheSameTrafficAreNotDrift()
    {
        var report = DriftAnalyzer.Compare(Traffic(seed: 1, n: 300, topic: 0, topScore: 0.6, abstain: 0.1), Traffic(seed: 2, n: 300, topic: 0, topScore: 0.6, abstain: 0.1));

        Assert.False(report.Drifted, string.Join("; ", report.Signals.Select(s => $"{s.Name} {s.Delta} p={s.PValue}")));
        Assert.Equal(6, report.Signals.Count);
        Assert.Null(report.Message);
    }

    [Fact]
    public void NewTopicsLowerScoresAndMoreAbstentionsAreFlagged()
    {
        var report = DriftAnalyzer.Compare(Traffic(seed: 3, n: 200, topic: 1, topScore: 0.45, abstain: 0.35), Traffic(seed: 4, n: 300, topic: 0, topScore: 0.6, abstain: 0.1));

        Assert.True(report.Drifted);
        var flagged = report.Signals.Where(s => s.Flagged).Select(s => s.Name).ToList();
        Assert.Contains("query_centroid_distance", flagged);
        Assert.Contains("top_score", flagged);
        Assert.Contains("abstention_rate", flagged);
        Assert.DoesNotContain("guard_trigger_rate", flagged);
        var abstention = report.Signals.Single(s => s.Name == "abstention_rate");
        Assert.True(abstention.Delta > 0.15);
        Assert.True(abstention.PValue < 0.01);
    }

    [Fact]
    public void ASignificantButTinyShiftIsNotFlagged()
    {
        // 20,000 questions make a 0.01 score shift significant; it is below the 0.05 minimum effect.
        var report = DriftAnalyzer.Compare(Traffic(seed: 5, n: 20_000, topic: 0, topScore: 0.61, abstain: 0.1, dims: 8), Traffic(seed: 6, n: 20_000, topic: 0, topScore: 0.6, abstain: 0.1, dims: 8));

        var top = report.Signals.Single(s => s.Name == "top_score");
        Assert.True(top.PValue < 0.01);
        Assert.False(top.Flagged);
    }

    [Fact]
    public void AWindowWithTooFewQuestionsIsReportedNotCompared()
    {
        var report = DriftAnalyzer.Compare(Traffic(seed: 7, n: 12, topic: 0, topScore: 0.6, abstain: 0.1), Traffic(seed: 8, n: 300, topic: 0, topScore: 0.6, abstain: 0.1));

        Assert.False(report.Drifted);
        Assert.Empty(report.Signals);
        Assert.Contains("recent window holds 12", report.Message, StringComparison.Ordinal);
        Assert.Equal(12, report.Recent.N);
    }

    // Questions scattered around one of two topic directions, with normal top scores and Bernoulli abstentions.
    private static List<QueryLogRecord> Traffic(int seed, int n, int topic, double topScore, double abstain, int dims = 32)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var v = Enumerable.Range(0, dims).Select(d => (float)((d == topic ? 3 : 0) + Normal())).ToArray();
            var abstained = random.NextDouble() < abstain;
            return new QueryLogRecord(Now.AddMinutes(-i), "default", v)
            {
                TopScore = topScore + 0.1 * Normal(),
                Abstained = abstained,
                GuardTriggers = random.NextDouble() < 0.05 ? 1 : 0,
                GroundingScore = abstained ? null : 0.7 + 0.1 * Normal(),
            };
        })];
    }
}
