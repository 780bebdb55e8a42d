using Grounded.Rag.Retrieve;

namespace Grounded.Rag.Tests.Retrieve;

public sealed class KeywordQueryTests
{
    [Fact]
    public void ContentWordsAreQuotedAndOredWithStopWordsDropped() =>
        Assert.Equal("\"incubation\" OR \"period\" OR \"covid\" OR \"19\"", KeywordQuery.Build("What is the incubation period of COVID-19?"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!.,;:()[]{}\"'*")]
    [InlineData("🙂🚀🔥")]
    [InlineData("the of and")]
    public void TextWithNothingSearchableGivesNoQuery(string text) => Assert.Null(KeywordQuery.Build(text));

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("virus NEAR(host, 5)")]
    [InlineData("vacc* AND (mask OR")]
    [InlineData("text:secret -minus +plus ^caret")]
    public void QuerySyntaxInTheTextBecomesLiteralTerms(string text)
    {
        var query = KeywordQuery.Build(text)!;
        foreach (var term in query.Split(" OR "))
        {
            Assert.Matches("^\"[\\p{L}\\p{N}]+\"$", term);
        }
    }
}
