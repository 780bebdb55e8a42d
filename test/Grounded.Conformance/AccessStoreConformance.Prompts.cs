using Grounded.Prompts;

namespace Grounded.Conformance;

/// <summary>The prompts' active versions every access store keeps: one pointer per prompt and environment, the history of every switch, and an audit entry for each.</summary>
public abstract partial class AccessStoreConformance
{
    [SkippableFact]
    public async Task SwitchingAPromptMovesItsPointerInThatEnvironmentOnlyAndKeepsTheHistory()
    {
        await using var store = await OpenAsync(Time);
        var id = "p-" + Guid.NewGuid().ToString("N")[..8];
        var at = Time.GetUtcNow();
        await store.SetActiveAsync(new PromptActivation(id, "production", "1.0.0", at, "local") { Metric = "token_f1", Score = 0.7, Origin = "cli@host" }, null, None);
        await store.SetActiveAsync(new PromptActivation(id, "staging", "2.0.0", at.AddMinutes(1), "local"), null, None);
        await store.SetActiveAsync(new PromptActivation(id, "production", "2.0.0", at.AddMinutes(2), "key1")
        {
            Previous = "1.0.0", Forced = true, Metric = "token_f1", Score = 0.6, PreviousScore = 0.7, Origin = "10.0.0.1",
        }, (await store.GetActiveAsync(id, "production", None))!.Seq, None);

        var production = await store.GetActiveAsync(id, "production", None);
        Assert.NotNull(production);
        Assert.Equal(("2.0.0", "1.0.0", true, (double?)0.6, (double?)0.7, "key1", at.AddMinutes(2)),
            (production.Version, production.Previous, production.Forced, production.Score, production.PreviousScore, production.Actor, production.At));
        Assert.Equal("2.0.0", (await store.GetActiveAsync(id, "staging", None))!.Version);
        Assert.Null(await store.GetActiveAsync(id, "dev", None));
        Assert.Equal(["2.0.0", "1.0.0"], (await store.HistoryAsync(id, "production", None)).Select(h => h.Version));
        Assert.Equal(["production", "staging", "production"], (await store.HistoryAsync(id, null, None)).Select(h => h.Environment));
        Assert.Equal([("production", "2.0.0"), ("staging", "2.0.0")],
            (await store.ListActiveAsync(None)).Where(a => a.Id == id).Select(a => (a.Environment, a.Version)));
    }

    [SkippableFact]
    public async Task EverySwitchIsAuditedWithWhoFromToForcedAndScores()
    {
        await using var store = await OpenAsync(Time);
        var id = "p-" + Guid.NewGuid().ToString("N")[..8];
        await store.SetActiveAsync(new PromptActivation(id, "production", "1.1.0", Time.GetUtcNow(), "key7")
        {
            Action = PromptActivation.Rollback, Previous = "1.2.0", Metric = "token_f1", Score = 0.8123, PreviousScore = 0.5, Origin = "cli@box",
        }, null, None);

        var entry = Assert.Single(await store.ReadAsync(Time.GetUtcNow().AddMinutes(-1), null, 1000, None), e => e.Target == $"{id}@1.1.0");

        Assert.Equal(("key7", "prompt.rolled_back", "cli@box"), (entry.Actor, entry.Action, entry.Origin));
        Assert.Equal("env=production from=1.2.0 to=1.1.0 forced=false metric=token_f1 score=0.8123 previous_score=0.5", entry.Detail);
        Assert.Equal(PromptActivation.Rollback, (await store.GetActiveAsync(id, "production", None))!.Action);
    }

    [SkippableFact]
    public async Task ASwitchFromAPointerThatHasSinceChangedIsRefusedAndWritesNothing()
    {
        await using var store = await OpenAsync(Time);
        var id = "p-" + Guid.NewGuid().ToString("N")[..8];
        await store.SetActiveAsync(new PromptActivation(id, "production", "1.0.0", Time.GetUtcNow(), "a"), null, None);
        var read = (await store.GetActiveAsync(id, "production", None))!;

        // Two switches both read 1.0.0 as active: the first wins, the second is refused.
        await store.SetActiveAsync(new PromptActivation(id, "production", "2.0.0", Time.GetUtcNow(), "a") { Previous = "1.0.0" }, read.Seq, None);
        var late = await Assert.ThrowsAsync<PromptConflictException>(() =>
            store.SetActiveAsync(new PromptActivation(id, "production", "3.0.0", Time.GetUtcNow(), "b") { Previous = "1.0.0" }, read.Seq, None));

        // Two first switches in an environment (both read "none active"): the second is refused.
        await store.SetActiveAsync(new PromptActivation(id, "staging", "3.0.0", Time.GetUtcNow(), "b"), null, None);
        await Assert.ThrowsAsync<PromptConflictException>(() => store.SetActiveAsync(new PromptActivation(id, "staging", "4.0.0", Time.GetUtcNow(), "c"), null, None));

        Assert.Contains("changed concurrently", late.Message, StringComparison.Ordinal);
        Assert.Contains("retry", late.Message, StringComparison.Ordinal);
        Assert.Equal("2.0.0", (await store.GetActiveAsync(id, "production", None))!.Version);
        Assert.Equal(["2.0.0", "1.0.0"], (await store.HistoryAsync(id, "production", None)).Select(h => h.Version));
        Assert.Equal("3.0.0", (await store.GetActiveAsync(id, "staging", None))!.Version);
        Assert.Equal(["3.0.0"], (await store.HistoryAsync(id, "staging", None)).Select(h => h.Version));
        Assert.DoesNotContain(await store.ReadAsync(Time.GetUtcNow().AddMinutes(-1), null, 1000, None),
            e => e.Target == $"{id}@4.0.0" || (e.Target == $"{id}@3.0.0" && e.Detail.Contains("env=production", StringComparison.Ordinal)));
    }
}
