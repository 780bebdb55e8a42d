using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

/// <summary>The verbs on a PostgreSQL store (<c>--store postgres://...</c>), run as separate processes the way replicas would run.</summary>
public sealed class PostgresStoreCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task TwoProcessesIngestingIntoOneDatabaseSeeEachOthersWrites()
    {
        await using var database = await TestDatabase.CreateAsync();
        _dir.Write("a/tides.txt", "Ocean tides are caused mainly by the gravitational pull of the Moon on the oceans.\n");
        _dir.Write("b/bread.txt", "Bread dough rises because yeast ferments the sugars in flour and releases carbon dioxide gas.\n");
        var migrate = await CliRunner.RunAsync(_dir.Path, "db", "migrate", "--store", database.Url, "--json");
        Assert.True(migrate.ExitCode == 0, migrate.ToString());

        var both = await Task.WhenAll(
            CliRunner.RunAsync(_dir.Path, "ingest", "a", "--store", database.Url, "--collection", "sea", "--json"),
            CliRunner.RunAsync(_dir.Path, "ingest", "b", "--store", database.Url, "--tag", "kitchen", "--json"));
        Assert.All(both, r => Assert.True(r.ExitCode == 0, r.ToString()));

        var bread = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "search", "why does dough rise", "--store", database.Url, "--top-k", "1", "--json"));
        Assert.Equal(Path.Combine("b", "bread.txt"), bread.GetProperty("results")[0].GetProperty("source").GetString());
        var tides = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "search", "dough", "--store", database.Url, "--collection", "sea", "--json"));
        Assert.Equal([Path.Combine("a", "tides.txt")], tides.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("source").GetString()));
        var status = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "status", "--store", database.Url, "--json"));
        Assert.Equal(2, status.GetProperty("documents").GetInt32());
        Assert.StartsWith("postgres://", status.GetProperty("store").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServerIsAOneLineUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "status", "--store", "postgres://nobody:hunter2@127.0.0.1:1/none");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: cannot open store 'postgres://nobody:***@127.0.0.1:1/none'", line, StringComparison.Ordinal);
    }
}
