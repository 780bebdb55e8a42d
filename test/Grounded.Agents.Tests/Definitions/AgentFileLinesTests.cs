using Grounded.Agents.Definitions;

namespace Grounded.Agents.Tests.Definitions;

/// <summary>Every problem <see cref="AgentFileReader"/> finds in a field that is there points at the field's line.</summary>
public sealed class AgentFileLinesTests
{
    [Theory]
    [InlineData("caps:\n  maxSteps: -2\n", "line 5: caps.maxSteps must be between 1 and 1000")]
    [InlineData("caps:\n  maxUsd: -1\n", "line 5: caps.maxUsd must be between 0 and 10000")]
    [InlineData("caps:\n  maxRepeats: 0\n", "line 5: caps.maxRepeats must be at least 2")]
    [InlineData("caps:\n  maxResultChars: 5\n", "line 5: caps.maxResultChars must be between 100")]
    [InlineData("caps: { timeout: soon }\n", "line 4: caps.timeout: 'soon' is not a duration")]
    [InlineData("caps:\n  toolTimeout: 0s\n", "line 5: caps.toolTimeout: '0s' is not a duration")]
    [InlineData("approval:\n  minConfidence: 2\n", "line 5: approval.minConfidence must be between 0 and 1")]
    [InlineData("tools:\n  - { name: calculate, timeout: never }\n", "line 5: tools[].timeout: 'never' is not a duration")]
    public void AValueOutOfRangeIsReportedWithTheFileAndItsLine(string tail, string expected)
    {
        var problems = new List<string>();

        Assert.Null(AgentFileReader.Read("name: broken\ninstructions: x\nmodel: small\n" + tail, "agents/broken.yaml", problems));

        Assert.StartsWith("agents/broken.yaml: " + expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnusableNameAndEmptyInstructionsPointAtTheirLines()
    {
        var problems = new List<string>();

        AgentFileReader.Read("model: small\nname: Big Agent\ninstructions: \"  \"\n", "a.yaml", problems);

        Assert.Contains(problems, p => p.StartsWith("a.yaml: line 2: name 'Big Agent' is not usable", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("a.yaml: line 3: instructions must not be empty", StringComparison.Ordinal));
    }
}
