using Grounded.Evaluation.Agreement;
using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Tests.Agreement;

public sealed class JudgeAgreementTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grades").FullName;

    [Fact]
    public void MatchesItemsByIdAndReportsTheUnmatched()
    {
        List<Grade> judge = [new("a", 5), new("b", 3), new("x", 1)];
        List<Grade> human = [new("b", 2), new("a", 5), new("y", 4)];

        var report = JudgeAgreement.Compare(judge, human, (1, 5));

        Assert.Equal(2, report.N);
        Assert.Equal(0.5, report.Agreement);
        Assert.Equal(["x"], report.Unmatched.Judge);
        Assert.Equal(["y"], report.Unmatched.Human);
        Assert.Equal([1.0, 2, 3, 4, 5], report.Labels);
        Assert.Equal(1, report.Confusion[1][2]); // human 2, judge 3
        Assert.Equal(1, report.Confusion[4][4]);
    }

    [Fact]
    public void RefusesAGradeOffTheScale()
    {
        var error = Assert.Throws<DatasetException>(() => JudgeAgreement.Compare([new("a", 7)], [new("a", 5)], (1, 5)));

        Assert.Contains("scale 1-5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsJsonLinesAndCsvWithScoreOrGrade()
    {
        var jsonl = Write("judge.jsonl", "{\"id\": 1, \"score\": 4}\n\n{\"id\": \"2\", \"grade\": 2}\n");
        var csv = Write("human.csv", "id,comment,grade\n1,\"fine, mostly\",4\n2,bad,1\n");

        Assert.Equal([new Grade("1", 4), new Grade("2", 2)], GradesFile.Read(jsonl));
        Assert.Equal([new Grade("1", 4), new Grade("2", 1)], GradesFile.Read(csv));
    }

    [Theory]
    [InlineData("bad.jsonl", "{\"id\": 1, \"score\": \"high\"}", "line 1: item '1' has a score that is not a number")]
    [InlineData("bad.jsonl", "{\"id\": 1}", "line 1: item '1' has no score")]
    [InlineData("bad.jsonl", "{\"id\": 1, \"score\": 2}\n{oops", "line 2: not valid JSON")]
    [InlineData("bad.jsonl", "{\"id\": 1, \"score\": 2}\n{\"id\": 1, \"score\": 3}", "the id '1' is graded 2 times")]
    [InlineData("bad.csv", "item,score\n1,2", "the header must name an 'id' column")]
    public void NamesTheFileAndLineOfABadGrade(string name, string content, string expected)
    {
        var path = Write(name, content);

        var error = Assert.Throws<DatasetException>(() => GradesFile.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1-5", 1, 5)]
    [InlineData("0-10", 0, 10)]
    public void ParsesAScale(string text, int min, int max) => Assert.Equal((min, max), JudgeAgreement.ParseScale(text));

    [Theory]
    [InlineData("5-1")]
    [InlineData("five")]
    public void RejectsABadScale(string text) => Assert.Null(JudgeAgreement.ParseScale(text));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
