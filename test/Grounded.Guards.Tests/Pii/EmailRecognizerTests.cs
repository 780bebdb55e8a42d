using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class EmailRecognizerTests
{
    [Theory]
    [InlineData("Email maria.gonzalez@example.org about the refund.", "maria.gonzalez@example.org")]
    [InlineData("What's your email? BulatDenisov@teleworm.us", "BulatDenisov@teleworm.us")]
    [InlineData("write to o'brien+billing@mail.example.co.uk.", "o'brien+billing@mail.example.co.uk")]
    [InlineData("E-mail:\nJulietaSouzaAlmeida@cuvox.de\n", "JulietaSouzaAlmeida@cuvox.de")]
    public void FindsAddresses(string text, string address) => Assert.Equal([address], Found.Of(PiiTypes.Email, text));

    [Theory]
    [InlineData("ping me at jane@localhost")]                             // no top-level domain
    [InlineData("connect to postgres://grounded@db.internal:5432/app")] // a URL's user part
    [InlineData("curl -F file=@memo.md http://host")]                   // a command line
    [InlineData("the @ sign and user@ alone")]
    public void IgnoresWhatOnlyLooksLikeAnAddress(string text) => Assert.Empty(Found.Of(PiiTypes.Email, text));
}
