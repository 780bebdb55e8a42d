using Grounded.Gateway.Cache;

namespace Grounded.Gateway.Tests.Cache;

public sealed class CacheTextTests
{
    [Fact]
    public void FoldsCaseWidthQuotesAndWhiteSpace()
    {
        Assert.Equal("what's the capital of france?", CacheText.Normalize("  Ｗｈａｔ’s   the\tCAPITAL\u00A0of\r\nFrance? "));
    }

    [Fact]
    public void KeepsNumbersNegationsAndPunctuation()
    {
        Assert.Equal("is 1,500 mg not too much for a 12-year-old?", CacheText.Normalize("Is 1,500 mg NOT too much for a 12-year-old?"));
    }

    [Fact]
    public void TextsThatDifferOnlyInSpellingOfTheSameCharactersGetTheSameKey()
    {
        Assert.Equal(CacheText.Normalize("ﬁle “names”"), CacheText.Normalize("FILE \"names\""));
    }
}
