using Grounded.Rag.Verify;

namespace Grounded.Rag.Tests.Verify;

public sealed class ClaimSplitterTests
{
    [Fact]
    public void AMarkerWrittenAfterTheFullStopBelongsToTheSentenceBeforeIt()
    {
        var claims = ClaimSplitter.Split("Tides follow the Moon. [1] Bread rises with yeast. [2][3]");

        Assert.Equal(["Tides follow the Moon.", "Bread rises with yeast."], claims.Select(c => c.Text));
        Assert.Equal([[1], [2, 3]], claims.Select(c => c.Cited));
    }

    [Fact]
    public void AMarkerBeforeTheFullStopAndAListOfNumbersAreRead()
    {
        var claims = ClaimSplitter.Split("Panels produce 250 to 400 watts [1, 2]. Batteries store power [Source 3].");

        Assert.Equal([[1, 2], [3]], claims.Select(c => c.Cited));
        Assert.Equal("Panels produce 250 to 400 watts.", claims[0].Text);
    }

    [Fact]
    public void ALineThatIntroducesAListIsNotAClaimButItsItemsAre()
    {
        var claims = ClaimSplitter.Split("The causes are:\n- the Moon's gravity [1]\n- the Sun's gravity [2]");

        Assert.Equal(["the Moon's gravity", "the Sun's gravity"], claims.Select(c => c.Text));
    }

    [Fact]
    public void ASentenceWithFewerThanTwoContentWordsAndNoNumberIsNotAClaim() =>
        Assert.Empty(ClaimSplitter.Split("Yes. It is. Indeed."));

    [Fact]
    public void AClaimSpanCoversItsTrailingMarkersSoStrippingItLeavesNoStrayMarker()
    {
        const string answer = "Tides follow the Moon. [1] Bread rises with yeast. [2]";

        var first = ClaimSplitter.Split(answer)[0];

        Assert.Equal("Tides follow the Moon. [1]", answer[first.Start..first.End]);
    }
}
