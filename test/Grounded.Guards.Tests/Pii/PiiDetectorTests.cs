using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class PiiDetectorTests
{
    [Fact]
    public void FindsEachKindOfDataInOneMessageInOrder()
    {
        const string text = "Hi, I'm Maria Gonzalez: email maria.gonzalez@example.org, card 4111 1111 1111 1111, phone +1 415 555 0132, "
            + "IBAN GB82 WEST 1234 5698 7654 32, SSN 460-89-9847, born on 10/23/1951, from 48.90.248.226, living at 2437 Main St, Springfield.";

        var found = new PiiDetector().Detect(text);

        Assert.Equal(
            [PiiTypes.Person, PiiTypes.Email, PiiTypes.CreditCard, PiiTypes.Phone, PiiTypes.Iban, PiiTypes.UsSsn, PiiTypes.DateOfBirth, PiiTypes.IpAddress, PiiTypes.StreetAddress],
            found.Select(e => e.Type));
        Assert.Equal("2437 Main St, Springfield", text.Substring(found[^1].Start, found[^1].Length));
    }

    [Fact]
    public void TheTypesOptionLimitsWhatIsLookedFor()
    {
        var detector = new PiiDetector(new PiiDetectorOptions { Types = new HashSet<string> { PiiTypes.Email } });

        Assert.Equal([PiiTypes.Email], detector.Detect("Mr. Smith, smith@example.com, +1 415 555 0132").Select(e => e.Type));
    }

    [Fact]
    public void AHigherMinimumScoreReportsOnlySureEntities()
    {
        const string text = "reference 536-22-1234 attached, card 4111 1111 1111 1111";

        Assert.Equal(2, new PiiDetector().Detect(text).Count);
        Assert.Equal([PiiTypes.CreditCard], new PiiDetector(new PiiDetectorOptions { MinScore = 0.8 }).Detect(text).Select(e => e.Type));
    }

    [Fact]
    public void UnknownTypesAndScoresOutsideZeroToOneAreReportedTogether()
    {
        var error = Assert.Throws<ArgumentException>(() => new PiiDetector(new PiiDetectorOptions { Types = new HashSet<string> { "PASSPORT" }, MinScore = 2 }));

        Assert.Contains("unknown PII type 'PASSPORT'", error.Message, StringComparison.Ordinal);
        Assert.Contains("minimum score must be from 0 to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrdinaryProseWithNumbersAndCapitalsHoldsNoPersonalData()
    {
        const string text = "In 2019 the Treaty on European Union was amended. Article 50 lets a state leave within 2 years. "
            + "Windows 10 shipped on 29 July 2015 with version 1.2.3.4 of the driver; the build took 12345678 ms. "
            + "The Guardian reported 3,141,592 readers. Call of Duty 4 sold 15 million copies. See RFC 5322 section 3.4.1.";

        Assert.Empty(new PiiDetector(new PiiDetectorOptions { UseNameLists = false }).Detect(text));
    }

    [Fact]
    public void AnEmptyTextHasNothing() => Assert.Empty(new PiiDetector().Detect(string.Empty));
}
