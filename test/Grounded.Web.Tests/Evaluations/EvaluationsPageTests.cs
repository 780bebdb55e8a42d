using System.Text.Json;
using System.Text.RegularExpressions;
using Grounded.Access;
using Grounded.Evaluation.Answers;
using Grounded.Hosting.Evaluation;
using Grounded.Rag.Access;
using Grounded.Web.Tests.Support;
using Microsoft.Playwright;

namespace Grounded.Web.Tests.Evaluations;

[Collection(WebAppCollection.Name)]
public sealed class EvaluationsPageTests(WebAppHost host)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [SkippableFact]
    public async Task A_saved_run_is_listed_with_its_metrics_and_gate_and_its_failing_item_can_be_picked_out()
    {
        Chromium.Require();
        var dataset = $"web-{Guid.NewGuid():N}.jsonl";
        await SaveRunAsync(dataset);

        var page = await host.OpenAsync("#/evaluations", host.ReaderKey);
        var row = page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex(Regex.Escape(dataset)) });
        await Assertions.Expect(row).ToContainTextAsync("0.6");
        await Assertions.Expect(row).ToContainTextAsync("failed");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("token_f1 this run 0.6.*baseline 0.8") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^token_f1") }).Last).ToContainTextAsync("regression");
        await page.GetByLabel("Show failing items only").CheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^q2") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^q1") })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Row, new() { NameRegex = new Regex("^q2") }).GetByRole(AriaRole.Button, new() { Name = "Details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".drill")).ToContainTextAsync("Every 40 minutes.");
    }

    // A run of two items against a baseline it fell below, saved as `grounded eval run` saves it.
    private async Task SaveRunAsync(string dataset)
    {
        AnswerItemReport Item(string id, string question, string expected, string answer, double f1) =>
            new(id, question, [expected], ["docs/osprey.md"], [], answer, false, ["docs/osprey.md"], new Dictionary<string, double?> { ["token_f1"] = f1, ["exact_match"] = f1 > 0.9 ? 1 : 0 });
        var items = new[]
        {
            Item("q1", "How often does the Osprey beacon restart?", "Every 40 minutes.", "Every 40 minutes. [1]", 1.0),
            Item("q2", "Who logs the restarts?", "Every 40 minutes.", "The keeper. [1]", 0.2),
        };
        var metrics = new Dictionary<string, double?> { ["token_f1"] = 0.6, ["exact_match"] = 0.5 };
        var gate = new GateResult(false, [new GateFailure("token_f1", 0.8, 0.6, 0.02)]) { Baseline = new Dictionary<string, double?> { ["token_f1"] = 0.8, ["exact_match"] = 0.5 }, Tolerance = 0.02 };
        var report = new AnswerEvaluationReport(items, metrics, new Dictionary<string, double[]?>(), new Dictionary<string, IReadOnlyDictionary<string, double?>>(),
            new AnswerCounts(2, 2, 0, 0), gate, null, "small", 1.5);
        await using var store = await SqliteAccessStore.OpenAsync(host.StoreLocation);
        await EvaluationRuns.SaveAsync(store, report, JsonSerializer.Serialize(report, Web), dataset, Tenants.Default, baseline: true, default);
    }
}
