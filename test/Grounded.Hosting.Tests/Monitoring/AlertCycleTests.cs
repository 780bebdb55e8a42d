using System.Text.Json;
using Grounded.Alerts;
using Grounded.Feedback;
using Grounded.Hosting.Monitoring;
using Grounded.Rag.Access;
using Grounded.Usage;
using Microsoft.Extensions.Time.Testing;

namespace Grounded.Hosting.Tests.Monitoring;

/// <summary>Alert rules over synthetic ledger rows in a real store, delivered to a real webhook on loopback.</summary>
public sealed class AlertCycleTests : IAsyncLifetime, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly WebhookListener _hook = new();
    private SqliteAccessStore _store = null!;

    public async Task InitializeAsync() => _store = await SqliteAccessStore.OpenAsync(_dir.Path, _time);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose()
    {
        _hook.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task ASpendSpikeFiresOnceStaysQuietWhileFiringAndResolvesWhenItClears()
    {
        await SpendAsync(perDay: 10m, today: 20m);
        var cycle = Cycle();

        var first = Assert.Single(await cycle.RunAsync(persist: true, None));
        await cycle.RunAsync(persist: true, None);
        _time.Advance(TimeSpan.FromHours(3)); // 15:00: still firing, within repeatAfter
        await cycle.RunAsync(persist: true, None);

        Assert.Equal((AlertStates.Firing, 20.0, 12.0), (first.State, first.Value, Math.Round(first.Threshold!.Value, 6)));
        var fired = Assert.Single(_hook.Bodies);
        using (var json = JsonDocument.Parse(fired))
        {
            var grounded = json.RootElement.GetProperty("grounded");
            Assert.Equal(("spend", "firing", 20.0), (grounded.GetProperty("rule").GetString(), grounded.GetProperty("state").GetString(), grounded.GetProperty("value").GetDouble()));
            Assert.Contains("spend", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        _time.Advance(TimeSpan.FromHours(10)); // 01:00, a new day with no spend yet
        var cleared = Assert.Single(await cycle.RunAsync(persist: true, None));

        Assert.Equal(AlertStates.Ok, cleared.State);
        Assert.Equal(2, _hook.Bodies.Count);
        Assert.Contains("\"state\":\"resolved\"", _hook.Bodies.Last(), StringComparison.Ordinal);
        Assert.Equal(AlertStates.Ok, Assert.Single(await _store.ReadAlertStatesAsync(None)).State);
    }

    [Fact]
    public async Task NormalSpendAndSpendUnderTheFloorDoNotFire()
    {
        await SpendAsync(perDay: 10m, today: 11m);
        var normal = Assert.Single(await Cycle().RunAsync(persist: true, None));

        await using var quiet = await SqliteAccessStore.OpenAsync(_dir.Combine("quiet"), _time);
        await Record(quiet, _time.GetUtcNow().AddHours(-1), 3m); // above 120% of nothing, under the $5 floor
        var floor = Assert.Single(await Cycle(quiet).RunAsync(persist: true, None));

        Assert.Equal((AlertStates.Ok, AlertStates.Ok), (normal.State, floor.State));
        Assert.Empty(_hook.Bodies);
    }

    [Fact]
    public async Task TwoReplicasSharingOneStoreSendAFiringOnce()
    {
        await SpendAsync(perDay: 10m, today: 50m);

        await Task.WhenAll(Cycle().RunAsync(persist: true, None), Cycle().RunAsync(persist: true, None));
        await Cycle().RunAsync(persist: true, None);

        Assert.Single(_hook.Bodies);
    }

    [Fact]
    public async Task ARuleStillFiringIsSentAgainOnlyAfterRepeatAfter()
    {
        await SpendAsync(perDay: 10m, today: 50m);
        var cycle = Cycle(repeatAfter: TimeSpan.FromHours(4));
        await cycle.RunAsync(persist: true, None);

        _time.Advance(TimeSpan.FromHours(3));
        await cycle.RunAsync(persist: true, None);
        Assert.Single(_hook.Bodies);

        _time.Advance(TimeSpan.FromHours(1));
        await cycle.RunAsync(persist: true, None);
        Assert.Equal(2, _hook.Bodies.Count);
        Assert.Contains("still firing", _hook.Bodies.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckWithoutPersistingReportsAFiringButStoresAndSendsNothing()
    {
        await SpendAsync(perDay: 10m, today: 50m);

        var status = Assert.Single(await Cycle().RunAsync(persist: false, None));

        Assert.Equal(AlertStates.Firing, status.State);
        Assert.Empty(await _store.ReadAlertStatesAsync(None));
        Assert.Empty(_hook.Bodies);
    }

    [Fact]
    public async Task AnErrorRateAboveItsThresholdFiresOnlyWithEnoughRequests()
    {
        var now = _time.GetUtcNow();
        var rule = AlertRule.Default("error_rate", AlertKinds.ErrorRate);
        await _store.RecordAsync([.. Enumerable.Range(0, 10).Select(i => Row(now.AddSeconds(-i - 1), 0m) with { Status = 500 })], None);
        var few = await Evaluator().EvaluateAsync(rule, now, None);
        await _store.RecordAsync([.. Enumerable.Range(0, 30).Select(i => Row(now.AddSeconds(-i - 1), 0m))], None);
        var enough = await Evaluator().EvaluateAsync(rule, now, None);

        Assert.False(few.Firing);
        Assert.Contains("too little data", few.Message, StringComparison.Ordinal);
        Assert.True(enough.Firing);
        Assert.Equal(0.25, enough.Value);
    }

    private AlertCycle Cycle(SqliteAccessStore? store = null, TimeSpan? repeatAfter = null)
    {
        store ??= _store;
        var options = new AlertsOptions { Webhooks = [_hook.Url], Rules = [AlertRule.Default("spend", AlertKinds.Spend)], RepeatAfter = repeatAfter ?? TimeSpan.FromHours(4) };
        return new AlertCycle(options, Evaluator(store), _ => Task.FromResult<IAlertStateStore>(store), new WebhookSender(new HttpClient(), _time, TimeSpan.Zero), _time);
    }

    private AlertEvaluator Evaluator(SqliteAccessStore? store = null)
    {
        var s = store ?? _store;
        return new AlertEvaluator(new MonitoringSources(_ => Task.FromResult<IUsageLedger>(s), _ => Task.FromResult<IQueryLog>(s), _ => Task.FromResult<IFeedbackStore>(new NoFeedback())));
    }

    private async Task SpendAsync(decimal perDay, decimal today)
    {
        var midnight = new DateTimeOffset(_time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        for (var day = 1; day <= 7; day++)
        {
            await Record(_store, midnight.AddDays(-day).AddHours(9), perDay);
        }

        await Record(_store, midnight.AddHours(9), today);
    }

    private static Task Record(SqliteAccessStore store, DateTimeOffset at, decimal cost) => store.RecordAsync([Row(at, cost)], None);

    private static UsageRecord Row(DateTimeOffset at, decimal cost) =>
        new(at, "req_" + Guid.NewGuid().ToString("N"), "chat") { Model = "small", CostUsd = cost, Status = 200, LatencyMs = 20 };

    private sealed class NoFeedback : IFeedbackStore
    {
        public Task SaveFeedbackAsync(FeedbackRecord feedback, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<FeedbackRecord>> ReadFeedbackAsync(DateTimeOffset since, DateTimeOffset until, string? tenant, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FeedbackRecord>>([]);

        public Task<IReadOnlyList<FeedbackBucket>> CountFeedbackAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, string? tenant, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FeedbackBucket>>([]);
    }
}
