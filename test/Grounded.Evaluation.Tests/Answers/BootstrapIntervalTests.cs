using Grounded.Evaluation.Answers;

namespace Grounded.Evaluation.Tests.Answers;

public sealed class BootstrapIntervalTests
{
    private static readonly double[] Values = [0, 1, 1, 0, 1, 0.5, 0.25, 1, 0, 1, 0.75, 1];

    [Fact]
    public void TheIntervalContainsTheMeanAndIsNarrowerThanTheRange()
    {
        var interval = BootstrapInterval.Of(Values)!;

        Assert.InRange(Values.Average(), interval[0], interval[1]);
        Assert.True(interval[0] > 0 && interval[1] < 1, $"[{interval[0]}, {interval[1]}]");
    }

    [Fact]
    public void TheSameSeedGivesTheSameInterval() => Assert.Equal(BootstrapInterval.Of(Values), BootstrapInterval.Of(Values));

    [Fact]
    public void IdenticalValuesGiveAPointAndNoValuesGiveNull()
    {
        Assert.Equal([0.5, 0.5], BootstrapInterval.Of([0.5, 0.5, 0.5])!);
        Assert.Null(BootstrapInterval.Of([]));
    }
}
