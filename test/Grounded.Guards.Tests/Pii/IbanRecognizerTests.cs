using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class IbanRecognizerTests
{
    [Theory]
    [InlineData("My IBAN is GB82WEST12345698765432", "GB82WEST12345698765432")]
    [InlineData("pay to DE89 3704 0044 0532 0130 00 today", "DE89 3704 0044 0532 0130 00")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606.", "FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("my iban is gb82west12345698765432", "gb82west12345698765432")]
    [InlineData("NL91ABNA0417164300, BE68539007547034", "NL91ABNA0417164300")]
    public void FindsIbansWithAValidLengthAndChecksum(string text, string iban) => Assert.Equal(iban, Found.Of(PiiTypes.Iban, text)[0]);

    [Theory]
    [InlineData("My IBAN is GB82WEST12345698765433")]      // wrong checksum
    [InlineData("My IBAN is DE89 3704 0044 0532 0130 0")]   // one character short for Germany
    [InlineData("My IBAN is DE89 3704 0044 0532 0130 0000")] // one too many
    [InlineData("My IBAN is QQ82WEST12345698765432")]        // no such country
    public void IgnoresWhatFailsTheChecks(string text) => Assert.Empty(Found.Of(PiiTypes.Iban, text));

    [Fact]
    public void TheChecksumIsTheIsoMod97()
    {
        Assert.True(IbanCountries.ChecksumIsValid("GB82WEST12345698765432"));
        Assert.False(IbanCountries.ChecksumIsValid("GB28WEST12345698765432"));
        Assert.Equal(22, IbanCountries.LengthOf("gb"));
        Assert.Equal(0, IbanCountries.LengthOf("US"));
    }
}
