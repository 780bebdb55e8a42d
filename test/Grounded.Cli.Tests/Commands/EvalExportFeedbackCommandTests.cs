using Grounded.Cli.Tests.Support;
using Grounded.Evaluation.Answers;
using Grounded.Feedback;
using Grounded.Rag.Access;

namespace Grounded.Cli.Tests.Commands;

public sealed class EvalExportFeedbackCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task UpRatedAnswersBecomeItemsThatEvalRunReadsWithTheirSourcesAndTags()
    {
        await SaveAsync(
            Answer("ans_a", FeedbackRatings.Up, "How often does the beacon restart?", "Every 40 minutes [1]. It resets [2, 3] at dawn.", ["osprey.md"]),
            Answer("ans_b", FeedbackRatings.Up, "Who built the relay?", "The indexed documents do not answer this.", []) with { Abstained = true },
            Answer("ans_c", FeedbackRatings.Down, "When is the relay closed?", "On Sundays [1].", ["relay.md"]) with { Comment = "it is Mondays" },
            Answer("ans_old", FeedbackRatings.Up, "Old?", "Old [1].", ["old.md"]) with { At = DateTimeOffset.UtcNow.AddDays(-40) });

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "export-feedback", "--since", "30d", "--store", "store", "--out", "feedback.jsonl", "--json");

        Assert.Equal(0, result.ExitCode);
        var items = AnswerDataset.Read(Path.Combine(_dir.Path, "feedback.jsonl"));
        Assert.Equal(["ans_a", "ans_b"], items.Select(i => i.Id));
        Assert.Equal(["Every 40 minutes. It resets at dawn."], items[0].Answers);
        Assert.Equal(["osprey.md"], items[0].Sources);
        Assert.Equal(["feedback", "prompt:grounded-answer@2.0.0", "model:small"], items[0].Tags);
        Assert.False(items[1].Answerable); // an up-rated abstention: the documents do not answer it
    }

    [Fact]
    public async Task DownRatedAnswersAreExportedOnlyWhenAskedAsItemsToReviewAndDownRatedAbstentionsAreSkipped()
    {
        await SaveAsync(
            Answer("ans_a", FeedbackRatings.Up, "How often does the beacon restart?", "Every 40 minutes [1].", ["osprey.md"]),
            Answer("ans_c", FeedbackRatings.Down, "When is the relay closed?", "On Sundays [1].", ["relay.md"]) with { Comment = "it is Mondays" },
            Answer("ans_d", FeedbackRatings.Down, "Who runs the relay?", "The indexed documents do not answer this.", []) with { Abstained = true });

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "export-feedback", "--rating", "down", "--store", "store", "--out", "review.jsonl", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.Equal((1, 1), (json.GetProperty("items").GetInt32(), json.GetProperty("skipped").GetInt32()));
        var line = Assert.Single(File.ReadAllLines(Path.Combine(_dir.Path, "review.jsonl")));
        Assert.Contains("\"rejected_answer\":\"On Sundays [1].\"", line, StringComparison.Ordinal);
        Assert.Contains("\"comment\":\"it is Mondays\"", line, StringComparison.Ordinal);
        var item = Assert.Single(AnswerDataset.Parse([line], "review.jsonl"));
        Assert.Contains("needs-review", item.Tags);
        Assert.Empty(item.Answers);
    }

    [Fact]
    public async Task ABadRatingIsAUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "eval", "export-feedback", "--rating", "sideways", "--store", "store");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--rating", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private static FeedbackRecord Answer(string id, string rating, string question, string answer, string[] sources) =>
        new(DateTimeOffset.UtcNow.AddHours(-1), id, "default", rating)
        {
            Endpoint = "ask", PromptId = "grounded-answer@2.0.0", Model = "small", Question = question, Answer = answer, Sources = sources,
        };

    private async Task SaveAsync(params FeedbackRecord[] rows)
    {
        await using var store = await SqliteAccessStore.OpenAsync(Path.Combine(_dir.Path, "store"));
        foreach (var row in rows)
        {
            await store.SaveFeedbackAsync(row, CancellationToken.None);
        }
    }
}
