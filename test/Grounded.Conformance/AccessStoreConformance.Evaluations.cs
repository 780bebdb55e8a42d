using Grounded.Evaluation;

namespace Grounded.Conformance;

/// <summary>The saved evaluation runs every access store keeps: read back whole, listed per tenant newest first without their reports.</summary>
public abstract partial class AccessStoreConformance
{
    [SkippableFact]
    public async Task ASavedEvaluationRunIsReadBackWithItsMetricsGateAndReport()
    {
        await using var store = await OpenAsync(Time);
        var run = NewEvaluation("eval_1", "acme", Time.GetUtcNow().AddTicks(1_234_560)) with
        {
            Prompt = "grounded-answer@2.0.0", Model = "small", Gate = "failed", Report = "{\"items\":[{\"question\":\"é ✓\"}],\"metrics\":{\"token_f1\":0.5}}",
        };

        await store.SaveEvaluationRunAsync(run, None);

        var stored = await store.GetEvaluationRunAsync("eval_1", None);
        Assert.NotNull(stored);
        Assert.Equal(run with { Metrics = stored.Metrics }, stored);
        Assert.Equal(run.Metrics.OrderBy(m => m.Key), stored.Metrics.OrderBy(m => m.Key));
        Assert.Null(await store.GetEvaluationRunAsync("eval_absent", None));
    }

    [SkippableFact]
    public async Task EvaluationRunsAreListedPerTenantNewestFirstWithoutTheirReportsUpToTheLimit()
    {
        await using var store = await OpenAsync(Time);
        var now = Time.GetUtcNow();
        await store.SaveEvaluationRunAsync(NewEvaluation("eval_old", "acme", now.AddHours(-2)), None);
        await store.SaveEvaluationRunAsync(NewEvaluation("eval_new", "acme", now), None);
        await store.SaveEvaluationRunAsync(NewEvaluation("eval_mid", "acme", now.AddHours(-1)), None);
        await store.SaveEvaluationRunAsync(NewEvaluation("eval_other", "other", now.AddMinutes(1)), None);

        var acme = await store.ListEvaluationRunsAsync("acme", 10, None);
        var two = await store.ListEvaluationRunsAsync("acme", 2, None);
        var all = await store.ListEvaluationRunsAsync(null, 10, None);

        Assert.Equal(["eval_new", "eval_mid", "eval_old"], acme.Select(r => r.Id));
        Assert.All(acme, r => Assert.Null(r.Report));
        Assert.Equal(0.5, acme[0].Metrics["token_f1"]);
        Assert.Null(acme[0].Metrics["judge_score"]);
        Assert.Equal(["eval_new", "eval_mid"], two.Select(r => r.Id));
        Assert.Equal(["eval_other", "eval_new", "eval_mid", "eval_old"], all.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task SavingAnEvaluationRunIdTwiceIsRefusedAndKeepsTheFirst()
    {
        await using var store = await OpenAsync(Time);
        await store.SaveEvaluationRunAsync(NewEvaluation("eval_1", "acme", Time.GetUtcNow()), None);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveEvaluationRunAsync(NewEvaluation("eval_1", "other", Time.GetUtcNow()) with { Report = "{\"x\":1}" }, None));

        Assert.Equal("acme", (await store.GetEvaluationRunAsync("eval_1", None))!.Tenant);
    }

    private static EvaluationRunRecord NewEvaluation(string id, string tenant, DateTimeOffset at) =>
        new(id, at, tenant, "data/qa.jsonl")
        {
            Model = "extractive",
            Metrics = new Dictionary<string, double?> { ["token_f1"] = 0.5, ["judge_score"] = null },
            Report = "{}",
        };
}
