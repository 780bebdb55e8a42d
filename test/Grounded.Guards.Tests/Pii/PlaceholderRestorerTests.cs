using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class PlaceholderRestorerTests
{
    private readonly PiiVault _vault = new();

    public PlaceholderRestorerTests()
    {
        _vault.Placeholder(PiiTypes.Person, "Maria Gonzalez");
        _vault.Placeholder(PiiTypes.Email, "maria@example.org");
    }

    [Theory]
    [InlineData("Hello <PERS|ON_1>, your mail <EMAIL_|ADDRESS_1> works.")]
    [InlineData("Hello <|P|E|RSON|_|1|>|, your mail <EMAIL_ADDRESS_1|> works.")]
    [InlineData("Hello <PERSON_1>, your mail <EMAIL_ADDRESS_1> works.")]
    public void APlaceholderSplitAcrossPiecesIsRestoredWhole(string pieces)
    {
        var restorer = new PlaceholderRestorer(_vault);

        var sent = pieces.Split('|').Select(restorer.Push).ToList();
        sent.Add(restorer.Flush());

        Assert.Equal("Hello Maria Gonzalez, your mail maria@example.org works.", string.Concat(sent));
        Assert.DoesNotContain(sent, s => s.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void TextThatCannotBecomeAPlaceholderIsNotHeldBack()
    {
        var restorer = new PlaceholderRestorer(_vault);

        Assert.Equal("if a ", restorer.Push("if a <"));
        Assert.Equal("< b", restorer.Push(" b"));
        Assert.Equal("<b>bold", restorer.Push("<b>bold"));
    }

    [Fact]
    public void FlushGivesBackAPartialPlaceholderAsItWasWhenTheStreamEnds()
    {
        var restorer = new PlaceholderRestorer(_vault);

        Assert.Equal("cut ", restorer.Push("cut <PERS"));
        Assert.Equal("<PERS", restorer.Flush());
    }
}
