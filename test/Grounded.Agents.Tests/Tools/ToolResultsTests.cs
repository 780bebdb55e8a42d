using System.Text.Json;
using Grounded.Agents.Tools;

namespace Grounded.Agents.Tests.Tools;

public sealed class ToolResultsTests
{
    [Fact]
    public void AStringIsShownAsItIs() => Assert.Equal("4", ToolResults.ToText("4"));

    [Fact]
    public void AJsonElementIsShownAsItsJson()
    {
        using var document = JsonDocument.Parse("""{"a": [1, 2]}""");
        Assert.Equal("""{"a": [1, 2]}""", ToolResults.ToText(document.RootElement));
    }

    [Fact]
    public void OtherValuesAreShownAsJson()
    {
        var text = ToolResults.ToText(new Dictionary<string, int> { ["total"] = 3 });
        Assert.Equal(3, JsonDocument.Parse(text).RootElement.GetProperty("total").GetInt32());
        Assert.Equal("null", ToolResults.ToText(null));
    }

    [Fact]
    public void ShortTextIsNotCut()
    {
        var (text, truncated, bytes) = ToolResults.Cap("héllo", 8_000);
        Assert.Equal("héllo", text);
        Assert.False(truncated);
        Assert.Equal(6, bytes);
    }

    [Fact]
    public void LongTextIsCutWithANoteSayingHowMuchTheModelSees()
    {
        var (text, truncated, bytes) = ToolResults.Cap(new string('x', 12_345), 8_000);
        Assert.True(truncated);
        Assert.Equal(12_345, bytes);
        Assert.StartsWith(new string('x', 8_000) + "…", text, StringComparison.Ordinal);
        Assert.EndsWith("[cut: 12,345 characters, showing the first 8,000]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CuttingNeverSplitsASurrogatePair()
    {
        var (text, _, _) = ToolResults.Cap("ab😀cd", 3);
        Assert.StartsWith("ab…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorResultSaysItIsAnError()
    {
        var error = ToolResults.Error("no such host");
        Assert.Equal("Error: no such host", error);
        Assert.True(ToolResults.IsError(error));
        Assert.False(ToolResults.IsError("4"));
    }
}
