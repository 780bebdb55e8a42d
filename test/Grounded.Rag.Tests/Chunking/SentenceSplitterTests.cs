using Grounded.Rag.Chunking;

namespace Grounded.Rag.Tests.Chunking;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Dr. Smith arrived late. He sat down.", new[] { "Dr. Smith arrived late.", "He sat down." })]
    [InlineData("As Smith et al. (2020) showed, it holds. It was repeated.", new[] { "As Smith et al. (2020) showed, it holds.", "It was repeated." })]
    [InlineData("Use a fruit, e.g. Apples or pears. Then wash it.", new[] { "Use a fruit, e.g. Apples or pears.", "Then wash it." })]
    [InlineData("Mrs. Jones met Prof. Lee at St. Mary's. They talked.", new[] { "Mrs. Jones met Prof. Lee at St. Mary's.", "They talked." })]
    public void DoesNotEndASentenceAtAnAbbreviation(string text, string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void DoesNotEndASentenceInsideADecimalNumber() =>
        Assert.Equal(["The rate rose to 3.5 percent in 2.0 years.", "Then it fell."], Sentences("The rate rose to 3.5 percent in 2.0 years. Then it fell."));

    [Fact]
    public void DoesNotEndASentenceAtAnInitial() =>
        Assert.Equal(["J. R. R. Tolkien wrote The Hobbit.", "It sold well."], Sentences("J. R. R. Tolkien wrote The Hobbit. It sold well."));

    [Fact]
    public void EndsSentencesAtQuestionAndExclamationMarks() =>
        Assert.Equal(["Is it safe?", "Yes!", "It is tested."], Sentences("Is it safe? Yes! It is tested."));

    [Fact]
    public void KeepsClosingQuotesAndBracketsWithTheirSentence() =>
        Assert.Equal(["He said \"stop.\"", "(It was late.)", "They left."], Sentences("He said \"stop.\" (It was late.) They left."));

    [Fact]
    public void DoesNotEndASentenceBeforeALowercaseWord() =>
        Assert.Equal(["See the appendix. for details on the method."], Sentences("See the appendix. for details on the method."));

    [Fact]
    public void StartsANewSentenceAtEachListItem() =>
        Assert.Equal(["Steps:", "- open the box", "- plug it in"], Sentences("Steps:\n- open the box\n- plug it in"));

    [Fact]
    public void JoinsAWrappedLineToItsSentence() =>
        Assert.Equal(["This sentence wraps\nonto a second line.", "Next."], Sentences("This sentence wraps\nonto a second line. Next."));

    [Fact]
    public void ReturnsSpansIntoTheOriginalTextWithoutSurroundingWhitespace()
    {
        const string text = "  First one.   Second one!  \n  Third?  ";

        var spans = SentenceSplitter.Split(text);

        Assert.Equal([(2, 10), (15, 11), (31, 6)], spans);
    }

    [Fact]
    public void ReturnsNothingForBlankText() =>
        Assert.Empty(SentenceSplitter.Split("   \n  "));

    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();
}
