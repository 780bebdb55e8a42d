using System.Text.Json;
using Grounded.Cli.Tests.Support;

namespace Grounded.Cli.Tests.Commands;

public sealed class BenchAnnCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReportsBuildTimeLatencyRecallAndMemoryOfTheIndexAgainstTheExactScan()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "bench", "ann", "--count", "3000", "--dim", "64", "--queries", "40", "--m", "12", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(["count", "dim", "backend", "buildSeconds", "exact", "ann", "bytesPerVector", "parameters"], Keys(json));
        Assert.Equal((3000, 64, "embedded"), (json.GetProperty("count").GetInt32(), json.GetProperty("dim").GetInt32(), json.GetProperty("backend").GetString()));
        Assert.Equal(["qps", "p50Ms", "p99Ms", "queries"], Keys(json.GetProperty("exact")));
        Assert.Equal(["qps", "p50Ms", "p99Ms", "queries", "recall@10"], Keys(json.GetProperty("ann")));
        Assert.InRange(json.GetProperty("ann").GetProperty("recall@10").GetDouble(), 0.9, 1.0);
        Assert.True(json.GetProperty("ann").GetProperty("qps").GetDouble() > 0);
        Assert.True(json.GetProperty("ann").GetProperty("p99Ms").GetDouble() >= json.GetProperty("ann").GetProperty("p50Ms").GetDouble());
        Assert.True(json.GetProperty("bytesPerVector").GetDouble() > 64); // at least the i8 copy of each vector
        Assert.Equal(12, json.GetProperty("parameters").GetProperty("m").GetInt32());
    }

    [Fact]
    public async Task SaysPlainlyWhenNoPostgreSqlAnswersAndExitsWithAUserError()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "bench", "ann", "--count", "1000", "--store", "postgres://nobody@127.0.0.1:1/none");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: cannot connect to PostgreSQL at postgres://nobody@127.0.0.1:1/none", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--count", "10", "--count must be between 1000")]
    [InlineData("--ef-search", "0", "--ef-search must be between 1 and 4096")]
    [InlineData("--store", "./local-dir", "--store must be a postgres:// URL")]
    public async Task RejectsBadOptionsWithOneLine(string option, string value, string message)
    {
        var result = await CliRunner.RunAsync(_dir.Path, "bench", "ann", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task MeasuresPgvectorsHnswIndexOnTheSameVectors()
    {
        var result = await CliRunner.RunAsync(_dir.Path, "bench", "ann", "--count", "2000", "--dim", "32", "--queries", "20", "--store", PostgresFactAttribute.Url ?? "postgres://unset@127.0.0.1:1/unset", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("pgvector", json.GetProperty("backend").GetString());
        Assert.InRange(json.GetProperty("ann").GetProperty("recall@10").GetDouble(), 0.9, 1.0);
        Assert.True(json.GetProperty("bytesPerVector").GetDouble() > 32 * 4);
    }

    private static List<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
