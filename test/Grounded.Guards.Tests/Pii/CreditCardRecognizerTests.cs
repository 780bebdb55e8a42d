using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class CreditCardRecognizerTests
{
    [Theory]
    [InlineData("card 4111 1111 1111 1111 about the refund", "4111 1111 1111 1111")]  // Visa, grouped by spaces
    [InlineData("use 5555-5555-5555-4444 please", "5555-5555-5555-4444")]             // Mastercard, dashes
    [InlineData("Amex 378282246310005.", "378282246310005")]                          // 15 digits
    [InlineData("it is 6011111111111117", "6011111111111117")]                        // Discover, no card word needed
    [InlineData("for this card: 676222165679", "676222165679")]                      // a 12-digit Maestro
    public void FindsLuhnValidNumbersOfKnownIssuers(string text, string card) => Assert.Equal([card], Found.Of(PiiTypes.CreditCard, text));

    [Fact]
    public void ALuhnInvalidNumberIsNotACard() => Assert.Empty(Found.Of(PiiTypes.CreditCard, "card 4111 1111 1111 1112"));

    [Fact]
    public void ALuhnValidNumberOfNoKnownIssuerCountsOnlyNextToACardWord()
    {
        Assert.Empty(Found.Of(PiiTypes.CreditCard, "tracking number 7200000000000003 shipped"));
        Assert.Equal(["7200000000000003"], Found.Of(PiiTypes.CreditCard, "my credit card 7200000000000003 was declined"));
    }

    [Theory]
    [InlineData("order 41111111111111111111 is late")]  // 20 digits
    [InlineData("0000 0000 0000 0000")]                  // one digit repeated
    [InlineData("pi is 3.141111111111111111")]            // decimals
    public void IgnoresOtherLongNumbers(string text) => Assert.Empty(Found.Of(PiiTypes.CreditCard, text));

    [Fact]
    public void TheLuhnTestAcceptsOnlyNumbersWhoseCheckDigitFits()
    {
        Assert.True(Luhn.IsValid("79927398713"));
        Assert.False(Luhn.IsValid("79927398710"));
    }
}
