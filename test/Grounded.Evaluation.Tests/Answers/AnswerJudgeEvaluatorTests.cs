using Grounded.Prompts;
using Grounded.Evaluation.Answers;
using static Grounded.Evaluation.Tests.Answers.AnswerFixtures;

namespace Grounded.Evaluation.Tests.Answers;

public sealed class AnswerJudgeEvaluatorTests : IDisposable
{
    private readonly string _cachePath = Path.Combine(Path.GetTempPath(), $"judge-cache-{Guid.NewGuid():N}.jsonl");

    // A test-local rubric: the registry's answer-judge prompt is what the CLI uses (JudgePrompt.From).
    private static readonly JudgePrompt Rubric = new("answer-judge@1.0.0", "Grade 1 to 5; reply with JSON.", "Q: {{question}} R: {{reference}} A: {{answer}} S: {{sources}}");

    public void Dispose() => File.Delete(_cachePath);

    [Theory]
    [InlineData("{\"score\": 5, \"reason\": \"right\"}", 1.0)]
    [InlineData("```json\n{\"score\": \"3\", \"reason\": \"partly\"}\n```", 0.5)]
    [InlineData("Verdict: {\"score\": 1}", 0.0)]
    public void AVerdictIsReadFromTheReplyAndNormalised(string reply, double normalized) =>
        Assert.Equal(normalized, JudgeVerdict.Parse(reply)!.Normalized, 6);

    [Theory]
    [InlineData("I think it is fine.")]
    [InlineData("{\"score\": 9}")]
    [InlineData("{\"reason\": \"no score\"}")]
    public void AReplyWithoutAScoreFromOneToFiveIsNoVerdict(string reply) => Assert.Null(JudgeVerdict.Parse(reply));

    [Fact]
    public void ARegistryRubricKeepsItsTemplatesReferenceAndParameters()
    {
        var prompt = new PromptVersion("answer-judge", SemVersion.Parse("1.2.0"), new PromptTemplate("Grade it.", "Q {{question}} A {{answer}}"))
        {
            Variables = ["question", "answer"], Parameters = new PromptParameters(Temperature: 0, MaxTokens: 120),
        };

        var rubric = JudgePrompt.From(prompt);

        Assert.Equal(("answer-judge@1.2.0", "Grade it.", 0.0, 120), (rubric.Ref, rubric.System, rubric.Temperature, rubric.MaxOutputTokens));
        Assert.Equal("Q why A because", rubric.Render("why", "ref", "because", "src"));
        Assert.Throws<ArgumentException>(() => JudgePrompt.From(prompt with { Variables = ["question", "tone"] }));
    }

    [Fact]
    public async Task RepeatedVerdictsAreAveragedWithTheirVariance()
    {
        var client = new CountingChatClient("{\"score\": 5, \"reason\": \"a\"}", "{\"score\": 3, \"reason\": \"b\"}");
        var runner = new AnswerEvaluationRunner(new AnswerEvaluationOptions { Judge = new AnswerJudge(client, "judge-model", Rubric) { Repeat = 2 } });

        var (report, _) = await runner.ScoreAsync(Item(["512 tokens"]), Answered("512 tokens [1]", "a.md"));

        Assert.Equal(0.75, report.Metrics[AnswerMetrics.JudgeScore]);
        Assert.Equal(0.0625, report.Judge!.Variance, 6);                  // scores 1.0 and 0.5 around 0.75
        Assert.Equal(["judge-model", "judge-model"], client.Models);
    }

    [Fact]
    public async Task ACachedVerdictMakesNoSecondCallEvenAfterReopening()
    {
        var first = new CountingChatClient("{\"score\": 4, \"reason\": \"ok\"}");
        var judge = new AnswerJudge(first, "judge-model", Rubric) { Cache = JudgeCache.Open(_cachePath) };
        await new AnswerEvaluationRunner(new AnswerEvaluationOptions { Judge = judge }).ScoreAsync(Item(["x"]), Answered("x [1]", "a.md"));

        var second = new CountingChatClient("{\"score\": 1, \"reason\": \"would differ\"}");
        var (report, _) = await new AnswerEvaluationRunner(new AnswerEvaluationOptions
        {
            Judge = judge with { Client = second, Cache = JudgeCache.Open(_cachePath) },
        }).ScoreAsync(Item(["x"]), Answered("x [1]", "a.md"));

        Assert.Equal(1, first.Calls);
        Assert.Equal(0, second.Calls);
        Assert.Equal(0.75, report.Metrics[AnswerMetrics.JudgeScore]);
    }

    [Fact]
    public async Task ADifferentAnswerOrPromptIsNotServedFromTheCache()
    {
        var client = new CountingChatClient("{\"score\": 4, \"reason\": \"ok\"}");
        var judge = new AnswerJudge(client, "judge-model", Rubric) { Cache = JudgeCache.Open(_cachePath) };
        await new AnswerEvaluationRunner(new AnswerEvaluationOptions { Judge = judge }).ScoreAsync(Item(["x"]), Answered("x [1]", "a.md"));
        await new AnswerEvaluationRunner(new AnswerEvaluationOptions { Judge = judge }).ScoreAsync(Item(["x"]), Answered("y [1]", "a.md"));
        await new AnswerEvaluationRunner(new AnswerEvaluationOptions { Judge = judge with { Prompt = Rubric with { Ref = "answer-judge@2.0.0" } } })
            .ScoreAsync(Item(["x"]), Answered("x [1]", "a.md"));

        Assert.Equal(3, client.Calls);
    }

    [Fact]
    public async Task AnEditedRubricUnderTheSameReferenceIsNotServedFromTheCache()
    {
        var client = new CountingChatClient("{\"score\": 4, \"reason\": \"ok\"}");
        var judge = new AnswerJudge(client, "judge-model", Rubric) { Cache = JudgeCache.Open(_cachePath) };
        await new AnswerEvaluationRunner(new AnswerEvaluationOptions { Judge = judge }).ScoreAsync(Item(["x"]), Answered("x [1]", "a.md"));
        await new AnswerEvaluationRunner(new AnswerEvaluationOptions { Judge = judge with { Prompt = Rubric with { UserTemplate = Rubric.UserTemplate + " Be strict." } } })
            .ScoreAsync(Item(["x"]), Answered("x [1]", "a.md"));

        Assert.Equal(2, client.Calls);
    }

    [Fact]
    public void AQuestionHoldingAPlaceholderIsNotFilledAgain() =>
        Assert.Equal("Q: say {{answer}} R: r A: forty-two S: s", Rubric.Render("say {{answer}}", "r", "forty-two", "s"));

    [Fact]
    public void TheUnanswerableReferenceIsTheOneTheBuiltInRubricDescribes()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Grounded.slnx")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var rubric = File.ReadAllText(Path.Combine(root, "prompts", "answer-judge", "1.0.0.yaml")).ReplaceLineEndings(" ");
        Assert.Contains($"\"{JudgePrompt.UnanswerableReference}\"", System.Text.RegularExpressions.Regex.Replace(rubric, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnusableReplyLeavesTheItemUnjudgedWithTheReason()
    {
        var client = new CountingChatClient("no idea");
        var (report, _) = await new AnswerEvaluationRunner(new AnswerEvaluationOptions { Judge = new AnswerJudge(client, "m", Rubric) })
            .ScoreAsync(Item(["x"]), Answered("x", "a.md"));

        Assert.Null(report.Metrics[AnswerMetrics.JudgeScore]);
        Assert.Contains("no score from 1 to 5", report.Judge!.Reason, StringComparison.Ordinal);
    }
}
