using Grounded.Agents;

namespace Grounded.Conformance;

/// <summary>The agent runs every access store keeps: each write conditional on the stored version, so of two writers from one version only one succeeds.</summary>
public abstract partial class AccessStoreConformance
{
    [SkippableFact]
    public async Task AFirstSaveOfARunIsReadBackWithEveryFieldAtVersionOne()
    {
        await using var store = await OpenAsync(Time);
        var created = Time.GetUtcNow().AddTicks(1_234_560); // microseconds: what every store keeps
        var run = NewRun("acme", created) with { Version = 42, Document = "{ \"steps\": [],  \"note\": \"é ✓\\u00e9\" }\n" };

        Assert.True(await store.SaveAgentRunAsync(run, 0, None));

        var stored = await store.GetAgentRunAsync(run.Id, None);
        Assert.Equal(run with { Version = 1 }, stored);
        Assert.Null(await store.GetAgentRunAsync("run_absent", None));
    }

    [SkippableFact]
    public async Task ASecondFirstSaveOfTheSameRunIsRefusedAndChangesNothing()
    {
        await using var store = await OpenAsync(Time);
        var run = NewRun("acme", Time.GetUtcNow());
        await store.SaveAgentRunAsync(run, 0, None);

        var again = await store.SaveAgentRunAsync(run with { Tenant = "other", Status = AgentRunStatus.Completed, Document = "{\"overwritten\":true}" }, 0, None);

        Assert.False(again);
        Assert.Equal(run with { Version = 1 }, await store.GetAgentRunAsync(run.Id, None));
    }

    [SkippableFact]
    public async Task ASaveFromTheStoredVersionWritesTheRunAndBumpsItsVersionKeepingWhoseItIsAndWhenItStarted()
    {
        await using var store = await OpenAsync(Time);
        var run = NewRun("acme", Time.GetUtcNow());
        await store.SaveAgentRunAsync(run, 0, None);
        var later = Time.GetUtcNow().AddMinutes(3);

        var first = await store.SaveAgentRunAsync(run with { Status = AgentRunStatus.WaitingApproval, UpdatedAt = later, Document = "{\"step\":2}" }, 1, None);
        var second = await store.SaveAgentRunAsync(run with { Tenant = "other", Agent = "other", CreatedAt = later, Status = AgentRunStatus.Completed, UpdatedAt = later.AddSeconds(1), Document = "{\"step\":3}" }, 2, None);

        Assert.True(first);
        Assert.True(second);
        Assert.Equal(run with { Status = AgentRunStatus.Completed, UpdatedAt = later.AddSeconds(1), Version = 3, Document = "{\"step\":3}" },
            await store.GetAgentRunAsync(run.Id, None));
    }

    [SkippableFact]
    public async Task ASaveFromAStaleVersionOrOfAnUnknownRunIsRefusedAndLeavesTheStoredRunAsItWas()
    {
        await using var store = await OpenAsync(Time);
        var run = NewRun("acme", Time.GetUtcNow());
        await store.SaveAgentRunAsync(run, 0, None);
        var current = run with { Status = AgentRunStatus.WaitingApproval, Document = "{\"step\":2}" };
        await store.SaveAgentRunAsync(current, 1, None);

        Assert.False(await store.SaveAgentRunAsync(run with { Status = AgentRunStatus.Failed, Document = "{\"stale\":true}" }, 1, None));
        Assert.False(await store.SaveAgentRunAsync(run with { Document = "{\"ahead\":true}" }, 5, None));
        Assert.False(await store.SaveAgentRunAsync(NewRun("acme", Time.GetUtcNow()), 1, None));

        Assert.Equal(current with { Version = 2 }, await store.GetAgentRunAsync(run.Id, None));
    }

    [SkippableFact]
    public async Task OfConcurrentSavesFromTheSameVersionExactlyOneWinsAndItsRunIsStored()
    {
        await using var store = await OpenAsync(Time);
        var run = NewRun("acme", Time.GetUtcNow());
        var inserts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => store.SaveAgentRunAsync(run with { Document = $"{{\"insert\":{i}}}" }, 0, None))));
        var approvals = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            store.SaveAgentRunAsync(run with { Status = AgentRunStatus.Completed, Document = $"{{\"approval\":{i}}}" }, 1, None))));

        Assert.Single(inserts, won => won);
        Assert.Single(approvals, won => won);
        var stored = await store.GetAgentRunAsync(run.Id, None);
        Assert.Equal((2L, $"{{\"approval\":{Array.IndexOf(approvals, true)}}}"), (stored!.Version, stored.Document));
    }

    [SkippableFact]
    public async Task RunsAreListedNewestFirstByTenantAndStatusUpToTheLimitAndNeverAnotherTenants()
    {
        await using var store = await OpenAsync(Time);
        var start = Time.GetUtcNow();
        var acme = Enumerable.Range(0, 5).Select(i => NewRun("acme", start.AddMinutes(i)) with
        {
            Status = i % 2 == 0 ? AgentRunStatus.WaitingApproval : AgentRunStatus.Completed,
        }).ToList();
        var globex = NewRun("globex", start.AddMinutes(10)) with { Status = AgentRunStatus.WaitingApproval };
        foreach (var run in acme.Append(globex))
        {
            await store.SaveAgentRunAsync(run, 0, None);
        }

        Assert.Equal(acme.Select(r => r.Id).Reverse(), (await store.ListAgentRunsAsync("acme", null, 100, None)).Select(r => r.Id));
        Assert.Equal([acme[4].Id, acme[2].Id], (await store.ListAgentRunsAsync("acme", AgentRunStatus.WaitingApproval, 2, None)).Select(r => r.Id));
        Assert.Equal([acme[3].Id, acme[1].Id], (await store.ListAgentRunsAsync("acme", AgentRunStatus.Completed, 100, None)).Select(r => r.Id));
        Assert.Equal([globex.Id, acme[4].Id, acme[2].Id, acme[0].Id], (await store.ListAgentRunsAsync(null, AgentRunStatus.WaitingApproval, 100, None)).Select(r => r.Id));
        Assert.Equal([globex.Id, acme[4].Id, acme[3].Id], (await store.ListAgentRunsAsync(null, null, 3, None)).Select(r => r.Id));
        Assert.Equal(globex with { Version = 1 }, Assert.Single(await store.ListAgentRunsAsync("globex", null, 100, None)));
        Assert.Empty(await store.ListAgentRunsAsync("initech", null, 100, None));
    }

    private static AgentRunRecord NewRun(string tenant, DateTimeOffset at) =>
        new("run_" + Guid.NewGuid().ToString("N"), tenant, "researcher", AgentRunStatus.Running, at, at, 0, "{\"steps\":[]}");
}
