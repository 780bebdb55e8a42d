using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class PiiRedactionTests
{
    private const string Text = "Write to maria@example.org or call +1 415 555 0132, maria@example.org again.";

    private static readonly PiiEntity[] Found =
    [
        new(9, 17, PiiTypes.Email, 0.99),
        new(35, 15, PiiTypes.Phone, 0.9),
        new(52, 17, PiiTypes.Email, 0.99),
    ];

    [Fact]
    public void RedactionReplacesEachEntityWithItsTypedPlaceholder()
    {
        Assert.Equal("Write to <EMAIL_ADDRESS> or call <PHONE_NUMBER>, <EMAIL_ADDRESS> again.", PiiRedaction.Redact(Text, Found));
    }

    [Fact]
    public void PseudonymizationNumbersValuesAndRestoringGivesTheTextBack()
    {
        var vault = new PiiVault();

        var pseudonymized = PiiRedaction.Pseudonymize(Text, Found, vault);

        Assert.Equal("Write to <EMAIL_ADDRESS_1> or call <PHONE_NUMBER_1>, <EMAIL_ADDRESS_1> again.", pseudonymized);
        Assert.Equal(Text, vault.Restore(pseudonymized));
    }

    [Fact]
    public void OverlappingOrOutOfRangeEntitiesAreSkippedRatherThanCuttingTheText()
    {
        var redacted = PiiRedaction.Redact("abc def ghi", [new(0, 3, "A", 1), new(2, 5, "B", 1), new(8, 10, "C", 1)]);

        Assert.Equal("<A> def ghi", redacted);
    }
}
