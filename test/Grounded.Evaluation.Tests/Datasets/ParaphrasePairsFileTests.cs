using Grounded.Evaluation.Datasets;

namespace Grounded.Evaluation.Tests.Datasets;

public sealed class ParaphrasePairsFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"grounded-pairs-{Guid.NewGuid():N}");

    public ParaphrasePairsFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ReadsPawsTabSeparatedPairsWithoutAHeader()
    {
        var path = Write("dev.tsv", "1\tThey met in Paris .\tThey met in Paris , France .\t1\n2\tAlice called Bob .\tBob called Alice .\t0\n");

        Assert.Equal(
            [new ParaphrasePair("They met in Paris .", "They met in Paris , France .", true), new ParaphrasePair("Alice called Bob .", "Bob called Alice .", false)],
            ParaphrasePairsFile.Read(path));
    }

    [Fact]
    public void ReadsQuotedCommaSeparatedPairsAfterTheirHeader()
    {
        var path = Write("pairs.csv", "question_1,question_2,similar\r\n"
            + "\"Why is it called COVID-19, not SARS?\",\"Why the name \"\"COVID-19\"\"?\",1\r\n"
            + "\"A question\nover two lines\",Another question,0\r\n");

        Assert.Equal(
            [new ParaphrasePair("Why is it called COVID-19, not SARS?", "Why the name \"COVID-19\"?", true), new ParaphrasePair("A question\nover two lines", "Another question", false)],
            ParaphrasePairsFile.Read(path));
    }

    [Theory]
    [InlineData("1\tone\ttwo\t1\n2\tthree\tfour\tyes\n", "line 2: the label must be 0 or 1 (got 'yes')")]
    [InlineData("1\tone\ttwo\t1\n2\tthree\n", "line 2: expected 3 or 4 fields")]
    [InlineData("a,b,1\n\"c,d,0\n", "line 2: a quoted field is not closed")]
    [InlineData("a,b,1\n,d,0\n", "line 2: a text is empty")]
    [InlineData("\n\n", "holds no pairs")]
    public void AMalformedFileIsAnErrorNamingTheLine(string text, string problem)
    {
        var path = Write("bad.txt", text);

        var error = Assert.Throws<DatasetException>(() => ParaphrasePairsFile.Read(path));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsAnError()
    {
        var error = Assert.Throws<DatasetException>(() => ParaphrasePairsFile.Read(Path.Combine(_folder, "nowhere.tsv")));

        Assert.StartsWith("no such pairs file:", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
