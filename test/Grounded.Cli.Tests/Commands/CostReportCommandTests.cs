using System.Text.Json;
using Grounded.Cli.Tests.Support;
using Grounded.Rag.Access;
using Grounded.Usage;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded cost report</c> and <c>grounded route stats</c> over a store's usage ledger (no model is loaded).</summary>
public sealed class CostReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("grounded-cost-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task TheReportSumsTheLedgerByModelWithATotal()
    {
        await SeedAsync();

        var report = await RunJsonAsync("cost", "report", "--since", "7d", "--by", "model");

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["large", "small"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(0.03m, rows[0].GetProperty("costUsd").GetDecimal());
        Assert.Equal(3, rows[1].GetProperty("requests").GetInt64());
        Assert.Equal(0.033m, report.GetProperty("total").GetProperty("costUsd").GetDecimal());
    }

    [Fact]
    public async Task RouteStatsGivesEachClassItsShareAndTheSavingAgainstTheLargestModel()
    {
        await SeedAsync();
        File.WriteAllText(Path.Combine(_dir, "grounded.yaml"), """
            models:
              - { name: small, provider: openai, endpoint: http://127.0.0.1:9/v1, model: s, contextWindow: 8000, maxOutputTokens: 500, price: { inputPerMTok: 1, outputPerMTok: 1 } }
              - { name: large, provider: openai, endpoint: http://127.0.0.1:9/v1, model: l, contextWindow: 8000, maxOutputTokens: 500, price: { inputPerMTok: 10, outputPerMTok: 10 } }
            routes:
              auto: { classes: { simple: small, code: large }, default: small }
            """);

        var stats = await RunJsonAsync("route", "stats", "--since", "7d", "--config", "grounded.yaml");

        Assert.Equal(("large", 4L), (stats.GetProperty("largestModel").GetString(), stats.GetProperty("requests").GetInt64()));
        var simple = stats.GetProperty("classes").EnumerateArray().Single(c => c.GetProperty("class").GetString() == "simple");
        Assert.Equal(0.75, simple.GetProperty("share").GetDouble());
        Assert.Equal(0.03m, simple.GetProperty("largestModelUsd").GetDecimal()); // 3 000 tokens at $10 a million
        Assert.Equal(0.03m - 0.003m, simple.GetProperty("savedUsd").GetDecimal());
    }

    [Theory]
    [InlineData("--by", "colour", "--by: 'colour' is not one of model, key, day")]
    [InlineData("--since", "soon", "--since: 'soon' is not a duration")]
    public async Task ABadOptionIsAOneLineError(string option, string value, string says)
    {
        var result = await RunAsync("cost", "report", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(says, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        await using var store = await SqliteAccessStore.OpenAsync(Path.Combine(_dir, "store"));
        var now = DateTimeOffset.UtcNow;
        UsageRecord Row(string model, decimal cost, string? routeClass) =>
            new(now, "req_" + Guid.NewGuid().ToString("N"), "chat") { Model = model, RequestedModel = "auto", Route = "auto", RouteClass = routeClass, InputTokens = 500, OutputTokens = 500, CostUsd = cost, Status = 200 };
        await store.RecordAsync([Row("small", 0.001m, "simple"), Row("small", 0.001m, "simple"), Row("small", 0.001m, "simple"), Row("large", 0.03m, "code")], CancellationToken.None);
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_dir, [.. args, "--store", "store"]);

    private async Task<JsonElement> RunJsonAsync(params string[] args)
    {
        var result = await RunAsync([.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }
}
