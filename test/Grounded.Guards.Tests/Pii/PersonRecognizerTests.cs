using Grounded.Guards.Pii;

namespace Grounded.Guards.Tests.Pii;

public sealed class PersonRecognizerTests
{
    [Theory]
    [InlineData("My name is Aantje Mourik but everyone calls me Aantje", new[] { "Aantje Mourik", "Aantje" })]
    [InlineData("Mrs. Schwarz flew to Coles on Sunday morning.", new[] { "Schwarz" })]
    [InlineData("Hello, this is Mr. Ronald Bodnár. Who are you?", new[] { "Ronald Bodnár" })]
    [InlineData("Fine. Ask Mr. Olsen about it.", new[] { "Olsen" })]
    [InlineData("Name:    Fredrik L Sommerseth\nAddress: somewhere", new[] { "Fredrik L Sommerseth" })]
    [InlineData("have you heard Barbara M. Probst speak yet?", new[] { "Barbara M. Probst" })]
    [InlineData("I would like to remove my kid Florence from the will.", new[] { "Florence" })]
    [InlineData("Producer Vilhjálmur Georgsson explained to Fuse TV", new[] { "Vilhjálmur Georgsson" })]
    [InlineData("Mohamed V. Arauš\n\n541 Avenida Pedro Ulisses 888", new[] { "Mohamed V. Arauš" })]
    public void FindsNamesFromContextAndShapeWithoutTheLists(string text, string[] names) =>
        Assert.Equal(names, Found.Of(PiiTypes.Person, text, nameLists: false));

    [Fact]
    public void ALaterMentionOfAFoundNameIsAName() =>
        Assert.Equal(["Ayna Khadzhiyev", "Khadzhiyev"],
            Found.Of(PiiTypes.Person, "the verses from Ayna Khadzhiyev's Cautionary Tales. Is there a better example than early Khadzhiyev?", nameLists: false));

    [Fact]
    public void ALongTextIsReadInSegmentsWithItsNamesFoundWhereTheyAre()
    {
        var filler = string.Concat(Enumerable.Repeat("The parcel was late again and nobody called back. ", 200)); // 10,000 characters
        var text = filler + "My name is Aantje Mourik. " + filler + "Mrs. Schwarz flew home.";

        var names = new PersonRecognizerProbe(text).Names;

        Assert.True(text.Length > 4 * 4_000);
        Assert.Equal(["Aantje Mourik", "Schwarz"], names.Select(n => text.Substring(n.Start, n.Length)));
    }

    private sealed class PersonRecognizerProbe(string text)
    {
        public IReadOnlyList<PiiEntity> Names { get; } = new PiiDetector(new PiiDetectorOptions { UseNameLists = false }).Detect(text).Where(e => e.Type == PiiTypes.Person).ToList();
    }

    [Fact]
    public void TheListsAddCommonNamesThatHaveNoCue()
    {
        const string text = "I met Richard yesterday at the station.";

        Assert.Empty(Found.Of(PiiTypes.Person, text, nameLists: false));
        Assert.Equal(["Richard"], Found.Of(PiiTypes.Person, text, nameLists: true));
    }

    [Fact]
    public void TheOtherMembersOfAListOfNamesAreNames() =>
        Assert.Equal(["Efimiya", "Mary", "Ariana", "Isabel"], Found.Of(PiiTypes.Person, "They had 4: Efimiya, Mary, Ariana and Isabel."));

    [Theory]
    [InlineData("May I request to have the statement sent to 1737 Cheriton Dr Reuquén Extensions?")] // "Dr" is a Drive here
    [InlineData("OpenAI and PostgreSQL released NuGet packages; press Ctrl-C to stop.")]
    [InlineData("The Clean Power Finance office is in Johnson Inc. offices.")]
    [InlineData("Guilty Pleasures: 5 Musicians Of The 70s You're Supposed To Hate")]
    [InlineData("We moved here from Norway and the United States in June.")]
    public void IgnoresTitlesProductsOrganisationsAndPlaces(string text) => Assert.Empty(Found.Of(PiiTypes.Person, text, nameLists: false));
}
