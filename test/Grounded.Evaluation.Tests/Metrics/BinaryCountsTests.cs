using Grounded.Evaluation.Metrics;

namespace Grounded.Evaluation.Tests.Metrics;

public sealed class BinaryCountsTests
{
    [Fact]
    public void ComputesPrecisionRecallF1AndFalsePositiveRate()
    {
        var counts = BinaryCounts.Of([true, true, true, false, false, false, true], [true, true, false, true, false, false, true]);

        Assert.Equal(new BinaryCounts(3, 1, 2, 1), counts);
        Assert.Equal(7, counts.Items);
        Assert.Equal(0.75, counts.Precision);
        Assert.Equal(0.75, counts.Recall);
        Assert.Equal(0.75, counts.F1);
        Assert.Equal(1 / 3.0, counts.FalsePositiveRate, 1e-12);
    }

    [Fact]
    public void StaysDefinedWhenNothingIsCalledPositive()
    {
        var counts = BinaryCounts.Of([false, false], [true, false]);

        Assert.Equal(1, counts.Precision);
        Assert.Equal(0, counts.Recall);
        Assert.Equal(0, counts.F1);
        Assert.Equal(0, counts.FalsePositiveRate);
    }
}
