using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class StreetAddressRecognizerTests
{
    [Theory]
    [InlineData("Send it to 2437 Main St, Springfield, IL 62704 please.", "2437 Main St, Springfield, IL 62704")]
    [InlineData("Our offices are located at 9543 1819 St. John Street Suite 056, Tubize, Belgium", "9543 1819 St. John Street Suite 056, Tubize, Belgium")]
    [InlineData("The bus station is on Villacher Strasse 89", "Villacher Strasse 89")]
    [InlineData("Megan lives on Via Tasso 129 street.", "Via Tasso 129")]
    [InlineData("Verda lives on 33 avenue de Provence street.", "33 avenue de Provence street")] // the street word after it comes along
    [InlineData("The bus station is on P.O. Box 104", "P.O. Box 104")]
    [InlineData("Meet me at PSC 1437, Box 3833\nAPO AA 66791", "PSC 1437, Box 3833\nAPO AA 66791")]
    [InlineData("Tosh Olsen lives at 172 Maneeži 75, Saareküla", "172 Maneeži 75, Saareküla")]
    public void FindsStreetsAnchoredByAStreetWordABoxOrACue(string text, string address) => Assert.Equal([address], Found.Of(PiiTypes.StreetAddress, text));

    [Fact]
    public void AnAddressBlockOverSeveralLinesIsOneEntity()
    {
        const string text = "Debra Neal\n\n3536 1659 Hoog St\n Apt. 839\n Brakpan\n South Africa 70651\n082 490 1693-Office";

        Assert.Equal(["3536 1659 Hoog St\n Apt. 839\n Brakpan\n South Africa 70651"], Found.Of(PiiTypes.StreetAddress, text));
    }

    [Fact]
    public void FindsAddressesTypedWithoutCapitals() =>
        Assert.Equal(["2613 avenida praia 1 suite 463, mohács, hungary 24743"],
            Found.Of(PiiTypes.StreetAddress, "i want to update my address to: 2613 avenida praia 1 suite 463, mohács, hungary 24743"));

    [Theory]
    [InlineData("I bought 3 apples on the way home.")]
    [InlineData("Windows 10 and Article 50 of the Treaty")]
    [InlineData("In 2019 Apple sold 5 Million Phones")]
    [InlineData("For my take, see Guilty Pleasures: 5 Musicians Of The 70s You're Supposed To Hate")]
    [InlineData("The meeting is at 10 in Room B.")]
    public void IgnoresNumbersBesideOrdinaryWords(string text) => Assert.Empty(Found.Of(PiiTypes.StreetAddress, text));
}
