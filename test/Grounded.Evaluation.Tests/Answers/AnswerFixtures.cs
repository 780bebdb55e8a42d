using Grounded.Answers;
using Grounded.Evaluation.Answers;

namespace Grounded.Evaluation.Tests.Answers;

internal static class AnswerFixtures
{
    public static AnswerItem Item(string[] answers, string[]? sources = null, string[]? tags = null, string question = "q?") =>
        new("1", question, answers, sources ?? [], tags ?? []);

    public static GroundedAnswer Answered(string text, params string[] citedSources) =>
        new("q?", text, false, "extractive", citedSources.Select((s, i) => new Citation(i + 1, "d" + i, s, "c" + i, 0.9, "chunk text")).ToList(), new AnswerTimings(0, 0, 0));

    public static GroundedAnswer Abstained() =>
        new("q?", GeneratedAnswer.AbstentionText, true, "extractive", [], new AnswerTimings(0, 0, 0));

    public static async Task<IReadOnlyDictionary<string, double?>> MetricsAsync(AnswerItem item, GroundedAnswer answer)
    {
        var (report, _) = await new AnswerEvaluationRunner().ScoreAsync(item, answer);
        return report.Metrics;
    }
}
