using Grounded.Hosting.Feedback;
using Grounded.Hosting.Monitoring;

namespace Grounded.Hosting.Config;

// feedback: { window } and monitoring: { judgeModel, judgeSampleRate }, checked.
internal static class MonitoringConfig
{
    public static (FeedbackOptions Feedback, MonitoringOptions Monitoring) Validate(ConfigDocument document, List<string> problems)
    {
        var feedback = new FeedbackOptions();
        if (document.Feedback.Window is { } text)
        {
            if (Durations.TryParse(text, out var window) && window > TimeSpan.Zero)
            {
                feedback = feedback with { Window = window };
            }
            else
            {
                problems.Add($"feedback.window: '{text}' is not a positive duration (e.g. 24h, 7d)");
            }
        }

        var monitoring = new MonitoringOptions { Metrics = document.Monitoring.Metrics ?? true, JudgeModel = document.Monitoring.JudgeModel };
        if (document.Monitoring.JudgeSampleRate is { } rate)
        {
            if (rate is >= 0 and <= 1)
            {
                monitoring = monitoring with { JudgeSampleRate = rate };
            }
            else
            {
                problems.Add($"monitoring.judgeSampleRate: {rate} is not between 0 and 1");
            }
        }

        if (monitoring.JudgeModel is { } judge && !document.Models.Any(m => m.Name == judge))
        {
            problems.Add($"monitoring.judgeModel: '{judge}' is not a configured model");
        }

        return (feedback, monitoring);
    }
}
