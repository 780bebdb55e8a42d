using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

public sealed class CacheEvalCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReportsTheMatchersPrecisionRecallAndHitRateBesideCosineAlone()
    {
        _dir.Write("pairs.tsv", string.Join('\n',
            "1\tHow do I reset my password?\tHow can I reset my password?\t1",
            "2\tWhat is the capital of France?\twhat's the capital of france\t1",
            "3\tIs ibuprofen safe during pregnancy?\tIs ibuprofen not safe during pregnancy?\t0",
            "4\tCheapest flights from Paris to London\tCheapest flights from London to Paris\t0",
            "5\tHow do I bake sourdough bread?\tWhat is the tallest mountain in Africa?\t0") + "\n");

        var result = await CliRunner.RunAsync(_dir.Path, "cache", "eval", "--pairs", "pairs.tsv", "--sweep", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.Equal(5, json.GetProperty("pairs").GetInt32());
        Assert.Equal(0.9, json.GetProperty("threshold").GetDouble());
        Assert.Equal(1.0, json.GetProperty("precision").GetDouble());      // both rephrasings served, neither trap
        Assert.Equal(1.0, json.GetProperty("recall").GetDouble());
        Assert.Equal(0.4, json.GetProperty("hitRate").GetDouble());
        var cosineOnly = json.GetProperty("cosineOnly");
        Assert.Equal(0.5, cosineOnly.GetProperty("precision").GetDouble()); // the negation and the swap look the same to embeddings
        Assert.Equal(["negation", "order"], json.GetProperty("rejected").EnumerateObject().Select(p => p.Name).Order());
        var curve = json.GetProperty("curve").EnumerateArray().ToList();
        Assert.Equal(30, curve.Count);
        Assert.Equal(0.7, curve[0].GetProperty("threshold").GetDouble());
        Assert.Equal(0.99, curve[^1].GetProperty("threshold").GetDouble(), 1e-9);
        var hits = curve.Select(p => p.GetProperty("hits").GetInt32()).ToList();
        Assert.Equal(hits.OrderDescending(), hits);                          // a higher threshold never serves more
    }

    [Fact]
    public async Task CommaSeparatedPairsWithAHeaderAndQuotesAreRead()
    {
        _dir.Write("pairs.csv", "question_1,question_2,similar\n\"Can I take aspirin, or ibuprofen, with alcohol?\",\"Can I take aspirin, or ibuprofen, without alcohol?\",0\n");

        var result = await CliRunner.RunAsync(_dir.Path, "cache", "eval", "--pairs", "pairs.csv", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.Equal(1, json.GetProperty("pairs").GetInt32());
        Assert.Equal(0, json.GetProperty("hits").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("precision").ValueKind);
        Assert.False(json.TryGetProperty("curve", out _));
    }

    [Fact]
    public async Task AMissingPairsFileIsAOneLineUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "cache", "eval", "--pairs", "nowhere.tsv", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no such pairs file: nowhere.tsv", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task AGarbledPairsFileIsAOneLineUserErrorNamingTheLine()
    {
        _dir.Write("garbled.tsv", "1\tone\ttwo\t1\n\u0000\u0001binary\tjunk\n");

        var result = await CliRunner.RunAsync(_dir.Path, "cache", "eval", "--pairs", "garbled.tsv");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: garbled.tsv line 2: expected 3 or 4 fields", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThresholdOutsideZeroToOneIsAUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "cache", "eval", "--pairs", "pairs.tsv", "--threshold", "1.5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--threshold must be above 0 and at most 1", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
