using Grounded.Gateway.Guard;

namespace Grounded.Gateway.Tests.Guard;

public sealed class ToxicityLexiconTests
{
    [Theory]
    [InlineData("What the fuck is this", "profanity")]
    [InlineData("WHAT THE F*CK", "profanity")]
    [InlineData("you absolute MORON", "insult")]
    [InlineData("just kill   yourself", "threat")]
    [InlineData("I know where you live.", "threat")]
    public void ATermIsFoundWhateverItsCaseAndTypedByItsCategory(string text, string category)
    {
        var span = Assert.Single(ToxicityLexicon.Default.Find(text));

        Assert.Equal(category, span.Type);
    }

    [Theory]
    [InlineData("I live in Scunthorpe and work as an assistant.")]
    [InlineData("The classic cocktail was a hit at the shitake farm? No: shiitake.")]
    [InlineData("Please assess the class associations.")]
    [InlineData("The rooster is also called a cock in some countries.")]
    public void WordsThatMerelyContainATermAreNotMatched(string text)
    {
        Assert.Empty(ToxicityLexicon.Default.Find(text));
    }

    [Fact]
    public void TheLongestTermWinsWhereTermsOverlap()
    {
        var span = Assert.Single(ToxicityLexicon.Default.Find("you motherfucker"));

        Assert.Equal((4, 12), (span.Start, span.Length));
    }
}
