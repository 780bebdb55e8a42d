using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

[Collection(nameof(IndexedStoreFixture))]
public sealed class SearchCommandTests(IndexedStoreFixture fixture)
{
    [Fact]
    public async Task ListsTheTopKChunksAsJsonRankedBestFirst()
    {
        var json = IndexedStoreFixture.Json(await fixture.RunAsync("search", "yeast in bread dough", "--top-k", "3", "--store", "store", "--json"));

        Assert.Equal(["query", "index", "results"], IndexedStoreFixture.Keys(json));
        Assert.Equal("exact", json.GetProperty("index").GetString()); // a small store is scanned exactly
        Assert.Equal("yeast in bread dough", json.GetProperty("query").GetString());
        var results = json.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal(["rank", "documentId", "source", "chunkId", "score", "text"], IndexedStoreFixture.Keys(r)));
        Assert.Equal([1, 2, 3], results.Select(r => r.GetProperty("rank").GetInt32()));
        var scores = results.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(Path.Combine("docs", "bread.md"), results[0].GetProperty("source").GetString());
    }
}

[Collection(nameof(IndexedStoreFixture))]
public sealed class SearchModeTests(IndexedStoreFixture fixture)
{
    [Theory]
    [InlineData("keyword")]
    [InlineData("dense")]
    public async Task EachModeKeepsTheSearchJsonContract(string mode)
    {
        var json = IndexedStoreFixture.Json(await fixture.RunAsync("search", "yeast in bread dough", "--mode", mode, "--top-k", "2", "--store", "store", "--json"));

        Assert.Equal(["query", "index", "results"], IndexedStoreFixture.Keys(json)); // "index" says whether the HNSW index or the exact scan served the dense leg
        var top = json.GetProperty("results").EnumerateArray().First();
        Assert.Equal(["rank", "documentId", "source", "chunkId", "score", "text"], IndexedStoreFixture.Keys(top));
        Assert.Equal(Path.Combine("docs", "bread.md"), top.GetProperty("source").GetString());
    }

    [Fact]
    public async Task AnUnknownModeIsAOneLineUserError()
    {
        var result = await fixture.RunAsync("ask", "yeast?", "--mode", "fuzzy", "--store", "store");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --mode must be hybrid, dense or keyword (got 'fuzzy')", Assert.Single(result.ErrorLines));
    }
}

public sealed class SearchSpellingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AMisspeltWordIsSearchedAsTheNearestWordTheIndexHas()
    {
        _dir.Write("docs/spray.txt", "A nasal spray of carrageenan shortened colds in the trial.");
        _dir.Write("docs/gel.txt", "Carrageenan is a gel made from red seaweed.");
        _dir.Write("docs/tea.txt", "Green tea was served to every volunteer.");
        Assert.Equal(0, (await CliRunner.RunAsync(_dir.Path, "ingest", "docs", "--store", "store")).ExitCode);

        // "carageenan" is in no chunk; "carrageenan" is in two, so keyword search finds both.
        var json = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "search", "carageenan", "--mode", "keyword", "--store", "store", "--json"));

        Assert.Equal("carageenan", json.GetProperty("query").GetString());
        var sources = json.GetProperty("results").EnumerateArray().Select(r => Path.GetFileName(r.GetProperty("source").GetString())).Order().ToList();
        Assert.Equal(["gel.txt", "spray.txt"], sources);

        var asked = IndexedStoreFixture.Json(await CliRunner.RunAsync(_dir.Path, "ask", "What is carageenan made from?", "--store", "store", "--json"));
        Assert.Equal("What is carageenan made from?", asked.GetProperty("question").GetString());
        Assert.Equal("What is carrageenan made from?", asked.GetProperty("searchedFor").GetString());
    }
}
