using Grounded.Evaluation.Datasets;
using Grounded.Evaluation.Metrics;
using Grounded.Guards.Pii;

namespace Grounded.Evaluation.Tests.Metrics;

public sealed class PiiEvaluatorTests
{
    private static readonly string[] Detected = [PiiTypes.Person, PiiTypes.Email];

    //                                          0         1         2         3
    //                                          0123456789012345678901234567890123456
    private static readonly PiiSample First = new("Anna Berg wrote to a@b.io from Oslo.", [new("PERSON", 0, 9), new("EMAIL_ADDRESS", 19, 25), new("GPE", 31, 35)]);
    private static readonly PiiSample Second = new("Ask Tom or Ida.", [new("PERSON", 4, 7), new("PERSON", 11, 14)]);

    [Fact]
    public void ALabelIsFoundByAnOverlappingPredictionOfItsType()
    {
        // "Anna" alone overlaps "Anna Berg"; the e-mail is exact; "Ida" is missed and "Ask" is a wrong guess.
        var report = PiiEvaluator.Score([First, Second], [[new("PERSON", 0, 4), new("EMAIL_ADDRESS", 19, 25)], [new("PERSON", 0, 3), new("PERSON", 4, 7)]], Detected);

        var person = report.ByType["PERSON"];
        Assert.Equal(3, person.Support);
        Assert.Equal(3, person.Predicted);
        Assert.Equal(0.6667, person.Precision);  // 2 of 3 predictions overlap a person
        Assert.Equal(0.6667, person.Recall);     // 2 of 3 people found
        Assert.Equal(0.6667, person.F1);
        Assert.Equal(1.0, report.ByType["EMAIL_ADDRESS"].F1);
    }

    [Fact]
    public void APredictionOfTheWrongTypeCountsAgainstBoth()
    {
        var report = PiiEvaluator.Score([First], [[new("EMAIL_ADDRESS", 0, 9)]], Detected);

        Assert.Equal(0, report.ByType["PERSON"].Recall);
        Assert.Null(report.ByType["PERSON"].Precision); // nothing predicted as a person
        Assert.Equal(0, report.ByType["EMAIL_ADDRESS"].Precision);
        Assert.Equal(0, report.ByType["EMAIL_ADDRESS"].Recall);
        Assert.Equal(0, report.ByType["EMAIL_ADDRESS"].F1);
    }

    [Fact]
    public void TypesTheDetectorDoesNotLookForAreListedButLeftOutOfTheMicroAverage()
    {
        var report = PiiEvaluator.Score([First, Second], [[new("PERSON", 0, 9), new("EMAIL_ADDRESS", 19, 25)], [new("PERSON", 4, 7), new("PERSON", 11, 14)]], Detected);

        var place = report.ByType["GPE"];
        Assert.False(place.Counted);
        Assert.Equal(0, place.Recall);
        Assert.Equal(1, place.Support);
        Assert.Equal(["GPE"], report.NotCounted);
        Assert.Equal(1.0, report.Micro.Precision);
        Assert.Equal(1.0, report.Micro.Recall); // the missed place does not count
        Assert.Equal(["PERSON", "EMAIL_ADDRESS", "GPE"], report.ByType.Keys);
    }

    [Fact]
    public void TokenScoresShowHowWellTheBoundariesAgree()
    {
        // The prediction covers "Anna" only: entity-level recall 1, token-level recall 1 of 2 ("Anna", "Berg").
        var report = PiiEvaluator.Score([First], [[new("PERSON", 0, 4)]], Detected);

        Assert.Equal(1.0, report.ByType["PERSON"].Recall);
        Assert.Equal(0.5, report.ByType["PERSON"].Tokens.Recall);
        Assert.Equal(1.0, report.ByType["PERSON"].Tokens.Precision);
    }

    [Fact]
    public void EvaluatesADetectorOnTheSamples()
    {
        var report = PiiEvaluator.Evaluate([First], new PiiDetector(new PiiDetectorOptions { Types = new HashSet<string> { PiiTypes.Email } }), Detected);

        Assert.Equal(1, report.Items);
        Assert.Equal(1.0, report.ByType["EMAIL_ADDRESS"].F1);
        Assert.NotNull(report.MicrosecondsPerText);
    }

    [Fact]
    public void PredictionsMustComeOnePerSample() =>
        Assert.Throws<ArgumentException>(() => PiiEvaluator.Score([First, Second], [[]], Detected));
}
