using Grounded.Evaluation.Answers;
using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Tests.Answers;

public sealed class BaselineGateTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void AMetricBelowBaselineMinusToleranceFailsAndIsNamed()
    {
        var gate = BaselineGate.Check(
            new Dictionary<string, double?> { ["token_f1"] = 0.50, ["citation_recall"] = 0.80, ["abstention_accuracy"] = null },
            new Dictionary<string, double?> { ["token_f1"] = 0.47, ["citation_recall"] = 0.79, ["abstention_accuracy"] = 0.1 },
            0.02);

        Assert.False(gate.Passed);
        var failure = Assert.Single(gate.Failures);
        Assert.Equal(("token_f1", 0.50, 0.47, 0.02), (failure.Metric, failure.Baseline, failure.Value, failure.Tolerance));
        Assert.Contains("token_f1", failure.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AMetricInTheBaselineButNotMeasuredInTheRunFailsAndIsNamed(bool nullInRun)
    {
        var run = new Dictionary<string, double?> { ["token_f1"] = 0.50 };
        if (nullInRun)
        {
            run["judge_score"] = null;
        }

        var gate = BaselineGate.Check(new Dictionary<string, double?> { ["token_f1"] = 0.50, ["judge_score"] = 0.8, ["rouge_l"] = null }, run, 0.02);

        Assert.False(gate.Passed);
        var failure = Assert.Single(gate.Failures);
        Assert.Equal("judge_score: in the baseline but not measured in this run", failure.ToString());
    }

    [Fact]
    public void AFallOfExactlyTheTolerancePasses() =>
        Assert.True(BaselineGate.Check(new Dictionary<string, double?> { ["rouge_l"] = 0.30 }, new Dictionary<string, double?> { ["rouge_l"] = 0.28 }, 0.02).Passed);

    [Fact]
    public void APreviousRunsJsonIsABaseline()
    {
        File.WriteAllText(_path, """{"items": [], "metrics": {"token_f1": 0.25, "judge_score": null}, "gate": {"passed": true, "failures": []}}""");

        var baseline = BaselineGate.Read(_path);

        Assert.Equal(0.25, baseline["token_f1"]);
        Assert.Null(baseline["judge_score"]);
    }

    [Fact]
    public void ABaselineWithoutMetricsIsRejectedNamingTheFile()
    {
        File.WriteAllText(_path, """{"token_f1": 0.25}""");

        var error = Assert.Throws<DatasetException>(() => BaselineGate.Read(_path));

        Assert.Contains(_path, error.Message, StringComparison.Ordinal);
        Assert.Contains("\"metrics\"", error.Message, StringComparison.Ordinal);
    }
}
