using System.Text;
using Grounded.Guards.Injection;

namespace Grounded.Guards.Tests.Injection;

public sealed class InjectionClassifierWeightsTests
{
    [Fact]
    public void ShippedWeightsNameTheModelTheyWereTrainedOn()
    {
        var weights = InjectionClassifierWeights.Default;

        Assert.Equal("snowflake-arctic-embed-xs@int8", weights.Model);
        Assert.Equal(384, weights.Dimensions);
        Assert.Equal(384, weights.Weights.Length);
        Assert.InRange(weights.Threshold, 0.05, 0.95);
        Assert.True(weights.StrictThreshold >= weights.Threshold, "the 1% operating point is stricter than the calibrated one");
    }

    [Fact]
    public void ShippedWeightsRecordTheirCrossValidatedFigures()
    {
        var cv = InjectionClassifierWeights.Default.Training.GetProperty("crossValidated");

        Assert.True(cv.GetProperty("f1").GetDouble() >= 0.9, "the calibrated operating point reaches the F1 goal out of fold");
        Assert.True(cv.GetProperty("falsePositiveRate").GetDouble() <= 0.05, "and keeps to the false-positive budget");
        Assert.Equal(64, InjectionClassifierWeights.Default.Training.GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public void RefusesAFileWhoseWeightsDoNotMatchItsDimensions()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("""{"format":1,"model":"m","dimensions":3,"weights":[1,2],"bias":0,"threshold":0.5,"strictThreshold":0.6,"windowChars":256,"training":{}}"""));

        Assert.Contains("2 weights for 3 dimensions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryProblemWithAFile()
    {
        var error = Assert.Throws<InvalidDataException>(() => Read("""{"format":9,"model":"","dimensions":1,"weights":[1],"bias":0,"threshold":1.5,"strictThreshold":0.6,"windowChars":256,"training":{}}"""));

        Assert.Contains("format 9", error.Message, StringComparison.Ordinal);
        Assert.Contains("no model", error.Message, StringComparison.Ordinal);
        Assert.Contains("thresholds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAFileThatIsNotJson() => Assert.Throws<InvalidDataException>(() => Read("weights: [1, 2]"));

    [Fact]
    public void RefusesAVectorOfAnotherLength()
    {
        var error = Assert.Throws<InjectionModelMismatchException>(() => InjectionClassifierWeights.Default.Probability(new float[768]));

        Assert.Contains("384 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("768", error.Message, StringComparison.Ordinal);
    }

    private static InjectionClassifierWeights Read(string json) => InjectionClassifierWeights.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
