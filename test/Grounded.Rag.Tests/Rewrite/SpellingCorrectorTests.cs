using Grounded.Rag.Rewrite;
using Grounded.Storage;

namespace Grounded.Rag.Tests.Rewrite;

public sealed class SpellingCorrectorTests
{
    // The index's words (as the keyword index holds them) and how many chunks contain each.
    private readonly FakeIndex _index = new(new()
    {
        ["carrageenan"] = 6,
        ["carbon"] = 40,
        ["zanamivir"] = 4,
        ["influenza"] = 90,
        ["clostridium"] = 3,
        ["immunoglobulin"] = 5,
        ["cd8"] = 12,
        ["ampa"] = 3,
        ["toxic"] = 7,
        ["rarely"] = 1,
        ["tides"] = 2,
        ["tided"] = 8,
    });

    [Fact]
    public async Task ACallerWhoDoesNotSeeTheWholeStoreGetsNoCorrectionAndTheCheckRunsOnlyForAWordToCorrect()
    {
        var asked = 0;
        var corrector = new SpellingCorrector(_index, _index) { SeesWholeStore = _ => { asked++; return Task.FromResult(false); } };

        Assert.Equal("What is carageenan?", await corrector.RewriteAsync("What is carageenan?", CancellationToken.None));
        Assert.Equal("What is carrageenan?", await corrector.RewriteAsync("What is carrageenan?", CancellationToken.None));
        Assert.Equal(1, asked);
    }

    [Theory]
    [InlineData("What is carageenan?", "What is carrageenan?")]
    [InlineData("Does Zanamavir help?", "Does Zanamivir help?")]
    [InlineData("laboratory confirmed infleunza infection", "laboratory confirmed influenza infection")]
    [InlineData("What is Clodstridium difficile?", "What is Clostridium difficile?")]
    [InlineData("trial of IgG immunoglobin", "trial of IgG immunoglobulin")]
    [InlineData("CARAGEENAN or carageenan?", "CARAGEENAN or carrageenan?")] // an all-capitals word is a name, even when its lower case is a typo
    public async Task CorrectsAWordNoChunkHasToTheNearestIndexedWord(string question, string expected) =>
        Assert.Equal(expected, await new SpellingCorrector(_index, _index).RewriteAsync(question, CancellationToken.None));

    [Theory]
    [InlineData("Does carbon help?")]
    [InlineData("Is CD28 expressed?")]
    [InlineData("Is AMPK active?")]
    [InlineData("Does eIF3 bind?")]
    [InlineData("Is it tonc?")]
    [InlineData("What happened in 2019?")]
    [InlineData("")]
    public async Task LeavesKnownWordsCodesAcronymsAndShortWordsAlone(string question) =>
        Assert.Equal(question, await new SpellingCorrector(_index, _index).RewriteAsync(question, CancellationToken.None));

    [Fact]
    public async Task LeavesAWordOfTheKnownWordsAloneThoughTheIndexLacksIt()
    {
        var corrector = new SpellingCorrector(_index, _index, knownWords: new HashSet<string> { "toxin" });

        Assert.Equal("Is it a toxin?", await corrector.RewriteAsync("Is it a toxin?", CancellationToken.None));
        Assert.Equal("Is it toxic?", await corrector.RewriteAsync("Is it toxid?", CancellationToken.None));
    }

    [Fact]
    public async Task NeverSuggestsAWordFewerThanTwoChunksHave() =>
        Assert.Equal("Is it rarly so?", await new SpellingCorrector(_index, _index).RewriteAsync("Is it rarly so?", CancellationToken.None));

    [Fact]
    public void PrefersTheNearestTermThenTheOneInMoreChunks()
    {
        IReadOnlyList<VocabularyTerm> terms = [new("tides", 2), new("tided", 8), new("tidings", 50)];

        Assert.Equal("tided", SpellingCorrector.Closest("tidez", terms));
        Assert.Equal("tides", SpellingCorrector.Closest("tidess", terms));
    }

    [Theory]
    [InlineData("influenza", "infleunza", 1)]
    [InlineData("carageenan", "carrageenan", 1)]
    [InlineData("immunoglobin", "immunoglobulin", 2)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void CountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int distance) =>
        Assert.Equal(distance, SpellingCorrector.Distance(a, b, budget: 5));

    [Fact]
    public void StopsCountingOnceTheBudgetIsSpent() =>
        Assert.Equal(2, SpellingCorrector.Distance("carrageenan", "zanamivir", budget: 1));

    private sealed class FakeIndex(Dictionary<string, long> terms) : ITermStatistics, ITermVocabulary
    {
        public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyCollection<string> words, CancellationToken cancellationToken) =>
            Task.FromResult(new TermStatistics(1000, words.ToDictionary(w => w, w => terms.GetValueOrDefault(w))));

        public Task<IReadOnlyList<VocabularyTerm>> TermsStartingWithAsync(string prefix, int minLength, int maxLength, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<VocabularyTerm>>(terms
                .Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal) && t.Key.Length >= minLength && t.Key.Length <= maxLength)
                .Select(t => new VocabularyTerm(t.Key, t.Value)).ToList());
    }
}
