using Grounded.Hosting.Config;

namespace Grounded.Hosting.Tests.Config;

public sealed class GroundedConfigMonitoringTests
{
    private const string Model = "models:\n  - { name: large, provider: openai, endpoint: http://127.0.0.1:9/v1, model: m, contextWindow: 8000, maxOutputTokens: 500 }\n";

    [Fact]
    public void FeedbackIsTakenForADayAndNoAnswerIsJudgedUnlessTheConfigSaysOtherwise()
    {
        var defaults = GroundedConfig.Parse(string.Empty);
        var set = GroundedConfig.Parse(Model + "feedback: { window: 7d }\nmonitoring: { judgeModel: large, judgeSampleRate: 0.2 }\n");

        Assert.Equal((TimeSpan.FromHours(24), null, 0.05), (defaults.Feedback.Window, defaults.Monitoring.JudgeModel, defaults.Monitoring.JudgeSampleRate));
        Assert.Equal((TimeSpan.FromDays(7), "large", 0.2), (set.Feedback.Window, set.Monitoring.JudgeModel, set.Monitoring.JudgeSampleRate));
    }

    [Fact]
    public void ABadWindowRateOrJudgeModelIsReportedTogether()
    {
        var error = Assert.Throws<ConfigException>(() => GroundedConfig.Parse(Model + "feedback: { window: soon }\nmonitoring: { judgeModel: huge, judgeSampleRate: 2 }\n"));

        Assert.Contains(error.Problems, p => p.StartsWith("feedback.window:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("monitoring.judgeSampleRate:", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("monitoring.judgeModel: 'huge'", StringComparison.Ordinal));
    }
}
