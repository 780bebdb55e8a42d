using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Tests.Datasets;

public sealed class QaQuestionsFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"grounded-questions-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void EachLineIsAQuestionAndItsGoldAnswer()
    {
        File.WriteAllText(_path, "{\"question\": \"How long?\", \"answer\": \"5 days\"}\n\n{\"question\": \"Who?\", \"answer\": \"ferrets\", \"paper\": 3}\n");

        var questions = QaQuestionsFile.Read(_path);

        Assert.Equal([new QaQuestion("How long?", "5 days"), new QaQuestion("Who?", "ferrets")], questions);
    }

    [Theory]
    [InlineData("{\"question\": \"How long?\"}")]
    [InlineData("{\"question\": \"How long?\", \"answer\": \"\"}")]
    [InlineData("[1, 2]")]
    [InlineData("{oops")]
    public void ALineWithoutAQuestionAndAnAnswerIsAnErrorNamingTheLine(string line)
    {
        File.WriteAllText(_path, "{\"question\": \"q\", \"answer\": \"a\"}\n" + line + "\n");

        var error = Assert.Throws<DatasetException>(() => QaQuestionsFile.Read(_path));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
