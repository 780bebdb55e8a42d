using Grounded.Cli.Tests.Support;
using Grounded.Rag.Access;
using Grounded.Usage;

namespace Grounded.Cli.Tests.Commands;

public sealed class EvalDriftCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ARecentWeekOnNewTopicsWithMoreAbstentionsIsFlaggedAsDrift()
    {
        await LogAsync(Traffic(seed: 1, n: 150, daysAgo: (8, 30), topic: 0, abstain: 0.1), Traffic(seed: 2, n: 100, daysAgo: (0, 6), topic: 1, abstain: 0.4));

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "drift", "--since", "7d", "--reference", "30d", "--store", "store", "--json");

        var json = IndexedStoreFixture.Json(result);
        Assert.True(json.GetProperty("drifted").GetBoolean());
        Assert.Equal(100, json.GetProperty("recent").GetProperty("n").GetInt32());
        Assert.Equal(150, json.GetProperty("reference").GetProperty("n").GetInt32());
        var flagged = json.GetProperty("signals").EnumerateArray().Where(s => s.GetProperty("flagged").GetBoolean()).Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("query_centroid_distance", flagged);
        Assert.Contains("abstention_rate", flagged);
    }

    [Fact]
    public async Task FailOnDriftExitsOneWhenDriftIsFlaggedAndZeroOtherwise()
    {
        await LogAsync(Traffic(seed: 1, n: 150, daysAgo: (8, 30), topic: 0, abstain: 0.1), Traffic(seed: 2, n: 100, daysAgo: (0, 6), topic: 1, abstain: 0.4));

        var drifted = await CliRunner.RunAsync(_dir.Path, "eval", "drift", "--since", "7d", "--store", "store", "--fail-on-drift", "--json");
        var steady = await CliRunner.RunAsync(_dir.Path, "eval", "drift", "--since", "7d", "--store", "store", "--json");

        Assert.Equal(1, drifted.ExitCode);
        using (var json = System.Text.Json.JsonDocument.Parse(drifted.Stdout))
        {
            Assert.True(json.RootElement.GetProperty("drifted").GetBoolean());
        }

        Assert.Contains("query_centroid_distance", Assert.Single(drifted.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, steady.ExitCode);
    }

    [Fact]
    public async Task FailOnDriftExitsZeroWhenNothingIsFlagged()
    {
        await LogAsync(Traffic(seed: 5, n: 100, daysAgo: (8, 30), topic: 0, abstain: 0.1), Traffic(seed: 6, n: 60, daysAgo: (0, 6), topic: 0, abstain: 0.1));

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "drift", "--since", "7d", "--store", "store", "--fail-on-drift");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no drift", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuietWeekIsReportedWithoutComparing()
    {
        await LogAsync(Traffic(seed: 3, n: 50, daysAgo: (8, 30), topic: 0, abstain: 0.1), Traffic(seed: 4, n: 5, daysAgo: (0, 6), topic: 0, abstain: 0.1));

        var result = await CliRunner.RunAsync(_dir.Path, "eval", "drift", "--since", "7d", "--store", "store");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("too few questions to compare: the recent window holds 5", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadDurationIsAOneLineError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "eval", "drift", "--since", "soon", "--store", "store");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--since: 'soon' is not a duration", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private async Task LogAsync(params List<QueryLogRecord>[] windows)
    {
        await using var store = await SqliteAccessStore.OpenAsync(_dir.Combine("store"));
        foreach (var rows in windows)
        {
            await store.LogQueriesAsync(rows, CancellationToken.None);
        }
    }

    private static List<QueryLogRecord> Traffic(int seed, int n, (int From, int To) daysAgo, int topic, double abstain)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, n).Select(_ =>
        {
            var vector = Enumerable.Range(0, 384).Select(d => (float)((d == topic ? 4 : 0) + random.NextDouble() - 0.5)).ToArray();
            return new QueryLogRecord(now.AddDays(-(daysAgo.From + random.NextDouble() * (daysAgo.To - daysAgo.From))).AddMinutes(-1), "default", vector)
            {
                TopScore = 0.6 + 0.1 * random.NextDouble(),
                Abstained = random.NextDouble() < abstain,
            };
        })];
    }
}
