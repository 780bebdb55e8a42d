using System.Text.Json.Nodes;
using Grounded.Cli.Tests.Support;
using Grounded.Hosting.Config;
using Grounded.Server;
using Microsoft.AspNetCore.Builder;

namespace Grounded.Cli.Tests.Commands;

/// <summary><c>grounded eval run</c> saves each run's report in the store, where <c>/v1/evaluations</c> lists and shows it as printed; <c>--no-save</c> saves nothing.</summary>
[Collection(nameof(IndexedStoreFixture))]
public sealed class EvalRunSavedTests(IndexedStoreFixture fixture)
{
    private const string Dataset = """
        {"id": "tides", "question": "What causes ocean tides?", "answers": ["the gravitational pull of the Moon"], "sources": ["tides.txt"]}
        {"id": "cars", "question": "What is the top speed of a Formula 1 car?", "answers": []}
        """;

    [Fact]
    public async Task ASavedRunIsListedWithItsMetricsAndGateAndShownWithTheReportItPrinted()
    {
        File.WriteAllText(Path.Combine(fixture.WorkingDirectory, "saved.jsonl"), Dataset);
        File.WriteAllText(Path.Combine(fixture.WorkingDirectory, "unsaved.jsonl"), Dataset);
        File.WriteAllText(Path.Combine(fixture.WorkingDirectory, "gated.jsonl"), Dataset);
        File.WriteAllText(Path.Combine(fixture.WorkingDirectory, "perfect.json"), """{"metrics": {"exact_match": 1.0}}""");

        var printed = IndexedStoreFixture.Json(await fixture.RunAsync("eval", "run", "--dataset", "saved.jsonl", "--store", "store", "--json"));
        Assert.Equal(0, (await fixture.RunAsync("eval", "run", "--dataset", "unsaved.jsonl", "--store", "store", "--no-save", "--json")).ExitCode);
        Assert.Equal(1, (await fixture.RunAsync("eval", "run", "--dataset", "gated.jsonl", "--store", "store", "--baseline", "perfect.json", "--json")).ExitCode);

        var store = Path.Combine(fixture.WorkingDirectory, "store");
        await using var app = GroundedServer.Build(new ServeOptions(GroundedConfig.Parse(string.Empty, new Dictionary<string, string?> { ["GROUNDED__STORE"] = store }), "http://127.0.0.1:0"));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var runs = JsonNode.Parse(await http.GetStringAsync("/v1/evaluations"))!["data"]!.AsArray();

        Assert.DoesNotContain(runs, r => r!["dataset"]!.GetValue<string>() == "unsaved.jsonl");
        var saved = Assert.Single(runs, r => r!["dataset"]!.GetValue<string>() == "saved.jsonl")!;
        var gated = Assert.Single(runs, r => r!["dataset"]!.GetValue<string>() == "gated.jsonl")!;
        Assert.Null(saved["gate"]);
        Assert.Equal("failed", gated["gate"]!.GetValue<string>());
        Assert.Equal(("extractive", printed.GetProperty("metrics").GetProperty("token_f1").GetDouble()), (saved["model"]!.GetValue<string>(), saved["metrics"]!["token_f1"]!.GetValue<double>()));
        Assert.True(runs.IndexOf(gated) < runs.IndexOf(saved), "newest first");

        var shown = JsonNode.Parse(await http.GetStringAsync($"/v1/evaluations/{saved["id"]}"))!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(printed.GetRawText()), shown["report"]), shown["report"]!.ToJsonString());
        var gatedReport = JsonNode.Parse(await http.GetStringAsync($"/v1/evaluations/{gated["id"]}"))!["report"]!;
        Assert.Equal(1.0, gatedReport["gate"]!["baseline"]!["exact_match"]!.GetValue<double>());
        Assert.Equal(2, gatedReport["items"]!.AsArray().Count);
        await app.StopAsync();
    }
}
