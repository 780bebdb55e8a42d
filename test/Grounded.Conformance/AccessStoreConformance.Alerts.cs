using Grounded.Alerts;

namespace Grounded.Conformance;

/// <summary>The alert rules' states every access store keeps: written only from the version read, so that of replicas racing a transition exactly one wins.</summary>
public abstract partial class AccessStoreConformance
{
    [SkippableFact]
    public async Task AnAlertStateIsStoredOnceFromEachVersionAndReadBackWithEverything()
    {
        await using var store = await OpenAsync(Time);
        var now = Time.GetUtcNow();
        var firing = new AlertState("spend", AlertStates.Firing, now)
        {
            Value = 12.5, Threshold = 9.6, Message = "spend today $12.50 > $9.60", EvaluatedAt = now, NotifiedAt = now, Version = 1,
        };

        Assert.True(await store.SaveAlertStateAsync(firing, 0, None));
        Assert.False(await store.SaveAlertStateAsync(firing with { Message = "a second replica" }, 0, None));
        var ok = firing with { State = AlertStates.Ok, Since = now.AddMinutes(5), Value = null, Threshold = null, NotifiedAt = null, EvaluatedAt = now.AddMinutes(5), Version = 2 };
        Assert.True(await store.SaveAlertStateAsync(ok, 1, None));
        Assert.False(await store.SaveAlertStateAsync(ok with { Message = "late replica" }, 1, None));

        var read = Assert.Single(await store.ReadAlertStatesAsync(None));
        Assert.Equal(ok, read);
    }

    [SkippableFact]
    public async Task ManyReplicasRacingOneAlertTransitionLeaveExactlyOneWinner()
    {
        await using var store = await OpenAsync(Time);
        var now = Time.GetUtcNow();
        await store.SaveAlertStateAsync(new AlertState("error_rate", AlertStates.Ok, now) { EvaluatedAt = now, Version = 1 }, 0, None);

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.SaveAlertStateAsync(
            new AlertState("error_rate", AlertStates.Firing, now) { Message = $"replica {i}", EvaluatedAt = now, Version = 2 }, 1, None)));

        Assert.Equal(1, wins.Count(w => w));
        Assert.Equal(2, Assert.Single(await store.ReadAlertStatesAsync(None)).Version);
    }
}
