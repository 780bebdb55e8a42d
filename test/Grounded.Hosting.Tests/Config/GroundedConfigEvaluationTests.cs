using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

public sealed class GroundedConfigEvaluationTests
{
    [Fact]
    public void TheQueryLogIsOnUnlessTheConfigTurnsItOff()
    {
        Assert.True(GroundedConfig.Parse(string.Empty).QueryLog);
        Assert.False(GroundedConfig.Parse("evaluation:\n  queryLog: false\n").QueryLog);
        Assert.False(GroundedConfig.Parse(string.Empty, new Dictionary<string, string?> { ["GROUNDED__EVALUATION__QUERYLOG"] = "false" }).QueryLog);
    }
}
