using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

public sealed class EvalAgreementCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReportsKappaSpearmanAndTheConfusionMatrixForItemsBothGraded()
    {
        _dir.Write("judge.jsonl", string.Join('\n', [.. new[] { 8, 8, 6, 6, 7, 6, 1, 4, 8 }.Select((g, i) => $"{{\"id\": \"q{i}\", \"score\": {g}}}"), "{\"id\": \"extra\", \"score\": 3}"]) + "\n");
        _dir.Write("human.csv", "id,grade\n" + string.Join('\n', new[] { 9, 7, 8, 7, 6, 8, 3, 5, 10 }.Select((g, i) => $"q{i},{g}")) + "\nlonely,4\n");

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "agreement", "--judge", "judge.jsonl", "--human", "human.csv", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.Equal(9, json.GetProperty("n").GetInt32());
        Assert.Equal(0.7586, json.GetProperty("weightedKappa").GetProperty("quadratic").GetDouble());
        Assert.Equal(0.3938, json.GetProperty("weightedKappa").GetProperty("linear").GetDouble());
        Assert.True(json.GetProperty("spearman").GetDouble() > 0.5);
        Assert.Equal(0, json.GetProperty("agreement").GetDouble()); // near misses only: what the weighted kappa credits
        Assert.Equal(10, json.GetProperty("labels").GetArrayLength());
        var confusion = json.GetProperty("confusion");
        Assert.Equal(1, confusion[9][7].GetInt32()); // human 10, judge 8
        Assert.Equal(["extra"], json.GetProperty("unmatched").GetProperty("judge").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["lonely"], json.GetProperty("unmatched").GetProperty("human").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PrintsAReadableTableWithoutJson()
    {
        _dir.Write("judge.jsonl", "{\"id\": 1, \"score\": 1}\n{\"id\": 2, \"score\": 2}\n");
        _dir.Write("human.jsonl", "{\"id\": 1, \"score\": 1}\n{\"id\": 2, \"score\": 2}\n");

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "agreement", "--judge", "judge.jsonl", "--human", "human.jsonl", "--scale", "1-3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Cohen's kappa", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("human grades as rows, judge grades as columns", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadFileIsAOneLineError()
    {
        _dir.Write("judge.jsonl", "{\"id\": 1, \"score\": \"great\"}\n");
        _dir.Write("human.jsonl", "{\"id\": 1, \"score\": 1}\n");

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "agreement", "--judge", "judge.jsonl", "--human", "human.jsonl");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("judge.jsonl line 1", line, StringComparison.Ordinal);
    }
}
