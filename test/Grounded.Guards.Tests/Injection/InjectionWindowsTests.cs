using Grounded.Guards.Injection;

namespace Grounded.Guards.Tests.Injection;

public sealed class InjectionWindowsTests
{
    [Fact]
    public void KeepsAShortTextWhole() => Assert.Equal([(0, 12)], InjectionWindows.Split("Hello there!", 256));

    [Fact]
    public void CutsALongTextAtSentencesWithinTheLimit()
    {
        var text = string.Concat(Enumerable.Range(1, 40).Select(i => $"This is sentence number {i} of a long text. "));

        var windows = InjectionWindows.Split(text, 256);

        Assert.True(windows.Count > 5);
        Assert.All(windows, w => Assert.InRange(w.Length, 1, 256));
        Assert.All(windows, w => Assert.StartsWith("This is sentence", text.Substring(w.Start, w.Length), StringComparison.Ordinal));
        Assert.Equal(text.TrimEnd().Length, windows[^1].Start + windows[^1].Length);
    }

    [Fact]
    public void OverlapsNeighboursByASentenceSoATwoSentenceInstructionIsSeenWhole()
    {
        var text = string.Concat(Enumerable.Range(1, 40).Select(i => $"This is sentence number {i} of a long text. "));

        var windows = InjectionWindows.Split(text, 256);

        for (var i = 1; i < windows.Count; i++)
        {
            Assert.True(windows[i].Start < windows[i - 1].Start + windows[i - 1].Length, "each window starts inside the one before");
        }
    }

    [Fact]
    public void CutsAnOverlongSentenceAtSpaces()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 300));

        var windows = InjectionWindows.Split(text, 256);

        Assert.All(windows, w => Assert.InRange(w.Length, 1, 256));
        Assert.All(windows, w => Assert.DoesNotContain(" ", text.Substring(w.Start, w.Length)[..1], StringComparison.Ordinal));
    }
}
