using Grounded.Gateway.Guard;

namespace Grounded.Gateway.Tests.Guard;

public sealed class SentenceHoldbackTests
{
    [Fact]
    public void TextIsLetGoAtTheLastSentenceBoundaryAndTheRestIsHeld()
    {
        var holdback = new SentenceHoldback();

        Assert.Equal(string.Empty, holdback.Push("Hello there"));
        Assert.Equal("Hello there. It is 3.5 degrees! ", holdback.Push(". It is 3.5 degrees! Mail a.b@c.de"));
        Assert.Equal("Mail a.b@c.de".Length, holdback.Held);
        Assert.Equal("Mail a.b@c.de now\n", holdback.Push(" now\nnext"));
        Assert.Equal("next", holdback.Flush());
    }

    [Fact]
    public void ARunWithNoBoundaryIsLetGoAtAWordBoundaryPastTheLimit()
    {
        var holdback = new SentenceHoldback();
        var words = string.Concat(Enumerable.Repeat("word ", 250));

        var ready = holdback.Push(words + "tail");

        Assert.Equal(words, ready);
        Assert.Equal(4, holdback.Held);
    }
}
