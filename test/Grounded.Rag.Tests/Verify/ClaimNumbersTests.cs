using Grounded.Rag.Verify;

namespace Grounded.Rag.Tests.Verify;

public sealed class ClaimNumbersTests
{
    [Theory]
    [InlineData("It cost 1,200 dollars.", "1200")]
    [InlineData("The rate was 5.20 percent.", "5.2")]
    [InlineData("Two high tides a day.", "2")]
    [InlineData("It took 0.5 seconds.", "0.5")]
    public void ReadsANumberTheWayItsSourceMayWriteIt(string text, string expected) =>
        Assert.Contains(expected, ClaimNumbers.Of(text));

    [Fact]
    public void OneIsNotReadAsANumberItIsMostlyAPronoun() =>
        Assert.Empty(ClaimNumbers.Of("One of the causes is the Moon."));

    [Fact]
    public void ANumberTheSourceDoesNotStateIsMissing()
    {
        var missing = ClaimNumbers.Missing(ClaimNumbers.Of("between 250 and 900 watts"), ClaimNumbers.Of("between 250 and 400 watts"));

        Assert.Equal(["900"], missing);
    }
}
