using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class PhoneRecognizerTests
{
    [Theory]
    [InlineData("phone +1 415 555 0132 about the refund", "+1 415 555 0132")]
    [InlineData("Desk: (602)272-9781", "(602)272-9781")]
    [InlineData("ring 212-555-0199 after six", "212-555-0199")]
    [InlineData("Fax: +41 (0)62 585 51 90", "+41 (0)62 585 51 90")]
    [InlineData("+44 20 7946 0958 is the London office", "+44 20 7946 0958")]
    [InlineData("Fax: 463-612-6138x036", "463-612-6138x036")]
    public void FindsNumbersLibphonenumberValidates(string text, string phone) => Assert.Equal([phone], Found.Of(PiiTypes.Phone, text));

    [Theory]
    [InlineData("Can someone call me on 01.84.17.61.18? I have questions", "01.84.17.61.18")]
    [InlineData("Phone:\n0487 98 11 92\n", "0487 98 11 92")]
    [InlineData("082 490 1693-Office", "082 490 1693")]
    [InlineData("They're not answering at 99 668472", "99 668472")]
    public void FindsNationalFormatsNextToAPhoneWord(string text, string phone) => Assert.Equal([phone], Found.Of(PiiTypes.Phone, text));

    [Theory]
    [InlineData("The invoice 0487 98 11 92 was paid")]        // a foreign national format without a phone word
    [InlineData("On 2018-02-24 12:45:18, the government")]    // a timestamp
    [InlineData("Call me on 10/23/2024")]                     // a date, even next to a phone word
    [InlineData("The population grew by 1 234 people")]       // too few digits
    public void IgnoresOtherDigitGroups(string text) => Assert.Empty(Found.Of(PiiTypes.Phone, text));
}
