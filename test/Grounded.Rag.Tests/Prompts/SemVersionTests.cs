using Grounded.Prompts;

namespace Grounded.Rag.Tests.Prompts;

public sealed class SemVersionTests
{
    [Fact]
    public void VersionsOrderByNumberThenPreReleaseBeforeRelease()
    {
        string[] written = ["1.10.0", "1.2.0", "1.0.0", "1.0.0-rc.1", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta.11", "1.0.0-beta.2", "0.9.9", "2.0.0"];

        var ordered = written.Select(SemVersion.Parse).Order().Select(v => v.ToString());

        Assert.Equal(["0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.2.0", "1.10.0", "2.0.0"], ordered);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-")]
    [InlineData("v1.0.0")]
    [InlineData("1.0.0-01")]
    [InlineData("")]
    public void TextThatIsNotASemanticVersionIsRefused(string text) => Assert.Null(SemVersion.TryParse(text));

    [Fact]
    public void BuildMetadataDoesNotChangeTheOrder() =>
        Assert.Equal(SemVersion.Parse("1.0.0+build.5"), SemVersion.Parse("1.0.0"));

    [Fact]
    public void AReferenceIsAnIdWithAnOptionalVersion()
    {
        Assert.Equal(new PromptReference("grounded-answer", null), PromptReference.Parse("grounded-answer"));
        Assert.Equal("grounded-answer@2.0.0", PromptReference.Parse("grounded-answer@2.0.0").ToString());
        Assert.Contains("not a semantic version", Assert.Throws<FormatException>(() => PromptReference.Parse("x@two")).Message, StringComparison.Ordinal);
    }
}
