using Grounded.Evaluation.Agreement;

namespace Grounded.Evaluation.Tests.Agreement;

public sealed class AgreementStatisticsTests
{
    [Fact]
    public void KappaMatchesTheTextbookTwoByTwoExample()
    {
        // 50 proposals read by two readers: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; p_o = 0.7, p_e = 0.5, kappa = 0.4.
        var confusion = new long[,] { { 20, 5 }, { 10, 15 } };

        Assert.Equal(0.4, AgreementStatistics.Kappa(confusion)!.Value, 1e-12);
    }

    [Fact]
    public void WeightedKappasEqualKappaWithTwoCategories()
    {
        var confusion = new long[,] { { 20, 5 }, { 10, 15 } };

        Assert.Equal(0.4, AgreementStatistics.WeightedKappa(confusion, quadratic: true)!.Value, 1e-12);
        Assert.Equal(0.4, AgreementStatistics.WeightedKappa(confusion, quadratic: false)!.Value, 1e-12);
    }

    [Theory]
    // Maple EssayTools' QuadraticWeightedKappa documentation examples (scale from the lowest to the highest grade, 1-10).
    [InlineData(new[] { 8, 8, 6, 6, 7, 6, 1, 4, 8 }, 0.758620689655172)]
    [InlineData(new[] { 3, 5, 6, 6, 7, 6, 1, 4, 8 }, 0.438095238095238)]
    public void QuadraticWeightedKappaMatchesPublishedEssayScoringExamples(int[] second, double expected)
    {
        int[] first = [9, 7, 8, 7, 6, 8, 3, 5, 10];

        var report = JudgeAgreement.Compare(Grades(second), Grades(first));

        Assert.Equal(expected, report.WeightedKappa.Quadratic!.Value, 1e-12);
        Assert.Equal(10, report.Labels.Count);
    }

    [Fact]
    public void LinearWeightedKappaMatchesAHandComputedValue()
    {
        var report = JudgeAgreement.Compare(Grades([8, 8, 6, 6, 7, 6, 1, 4, 8]), Grades([9, 7, 8, 7, 6, 8, 3, 5, 10]));

        // 1 − Σ w·o / Σ w·e with w = |i − j| / 9, computed independently.
        Assert.Equal(0.3937823834196891, report.WeightedKappa.Linear!.Value, 1e-12);
    }

    [Fact]
    public void SpearmanMatchesTheTextbookExample()
    {
        // IQ against hours of television per week (10 people): rho = −29/165.
        double[] iq = [106, 86, 100, 101, 99, 103, 97, 113, 112, 110];
        double[] tv = [7, 0, 27, 50, 28, 29, 20, 12, 6, 17];

        Assert.Equal(-29 / 165.0, AgreementStatistics.Spearman(iq, tv)!.Value, 1e-12);
    }

    [Fact]
    public void TiesShareTheirAverageRank()
    {
        Assert.Equal([1, 2.5, 2.5, 4], AgreementStatistics.Ranks([1, 5, 5, 9]));
        // With ties the rank correlation is Pearson's on the average ranks, not 1 − 6Σd²/(n(n²−1)).
        Assert.Equal(0.9486832980505138, AgreementStatistics.Spearman([1, 2, 2, 3], [1, 2, 3, 4])!.Value, 1e-12);
    }

    [Fact]
    public void UndefinedStatisticsAreNull()
    {
        Assert.Null(AgreementStatistics.Kappa(new long[,] { { 4 } }));
        Assert.Null(AgreementStatistics.Spearman([3, 3, 3], [1, 2, 3]));
    }

    private static List<Grade> Grades(int[] values) => [.. values.Select((v, i) => new Grade($"q{i}", v))];
}
