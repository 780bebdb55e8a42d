using Grounded.Evaluation.Drift;

namespace Grounded.Evaluation.Tests.Drift;

public sealed class SignificanceTestsTests
{
    [Fact]
    public void TheNormalTailMatchesTheFamiliarCriticalValue() =>
        Assert.Equal(0.05, SignificanceTests.TwoSided(1.959963984540054), 1e-6);

    [Fact]
    public void MannWhitneyOfTwoSeparatedSamplesMatchesTheHandComputedNormalApproximation()
    {
        // U = 0, mean 12.5, variance 25·11/12, z = (0 + 0.5 − 12.5)/sd = −2.5067: p = 0.012186.
        var (p, superiority) = SignificanceTests.MannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);

        Assert.Equal(0.012185780355344818, p, 1e-6);
        Assert.Equal(0, superiority);
    }

    [Fact]
    public void MannWhitneyFindsNoDifferenceBetweenIdenticalSamples()
    {
        var (p, superiority) = SignificanceTests.MannWhitney([1, 2, 2, 3], [1, 2, 2, 3]);

        Assert.Equal(1, p, 1e-9);
        Assert.Equal(0.5, superiority);
    }

    [Fact]
    public void TwoProportionsMatchesTheHandComputedPooledTest() =>
        // 45/100 against 30/100: pooled 0.375, se 0.06847, z = 2.1909, p = 0.02846.
        Assert.Equal(0.02845973691631057, SignificanceTests.TwoProportions(45, 100, 30, 100), 1e-6);
}
