using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grounded.Access;
using Grounded.Feedback;
using Grounded.Hosting.Monitoring;
using Grounded.Rag.Access;
using Grounded.Server.Tests.Support;
using Grounded.Testing.Upstream;
using Grounded.Usage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Grounded.Server.Tests.Support.HttpBodies;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>GET /v1/dashboard</c> on the real host over a real store: the series' shape, only the caller's tenant, alert states for admins, bad ranges refused.</summary>
public sealed class DashboardApiTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] PointFields =
        ["requests", "errors", "p50Ms", "p95Ms", "p99Ms", "costUsd", "inputTokens", "outputTokens", "cacheHits", "answers", "abstentions", "abstentionRate", "groundingMean", "guardTriggers", "feedbackUp", "feedbackDown"];

    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 30, TimeSpan.Zero));
    private ScriptableUpstream _upstream = null!;
    private SqliteAccessStore _store = null!;
    private WebApplicationFactory<Program> _host = null!;

    private string Store => _dir.Combine("store");

    public async Task InitializeAsync()
    {
        _upstream = await ScriptableUpstream.StartAsync("small");
        _store = await SqliteAccessStore.OpenAsync(Store);
        var now = _time.GetUtcNow();
        await _store.RecordAsync(
        [
            Row(now.AddMinutes(-10), "acme", 0.25m, 100, 200),
            Row(now.AddMinutes(-10), "acme", 0.75m, 300, 502),
            Row(now.AddMinutes(-5), "globex", 9m, 5000, 200),
            Row(now.AddHours(-3), "acme", 100m, 1, 200), // before the hour asked for
        ], default);
        float[] e = [1, 0, 0, 0];
        await _store.LogQueriesAsync(
        [
            new(now.AddMinutes(-10), "acme", e) { GroundingScore = 0.9 },
            new(now.AddMinutes(-9), "acme", e) { Abstained = true, GuardTriggers = 2 },
            new(now.AddMinutes(-9), "globex", e) { Abstained = true },
        ], default);
        FeedbackRecord[] ratings =
        [
            new(now.AddMinutes(-8), "ans_1", "acme", "up"), new(now.AddMinutes(-7), "ans_2", "acme", "up"), new(now.AddMinutes(-6), "ans_3", "acme", "up"),
            new(now.AddMinutes(-6), "ans_4", "acme", "down"), new(now.AddMinutes(-6), "ans_5", "globex", "up"), new(now.AddHours(-30), "ans_6", "acme", "down"),
        ];
        foreach (var rating in ratings)
        {
            await _store.SaveFeedbackAsync(rating, default);
        }

        var sources = MonitoringSources.Of(_ => Task.FromResult<IAccessStore>(_store));
        _host = GroundedFactory.Create(_dir.Path, _upstream.Endpoint, Store, configure: b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton(new MonitoringSeriesBuilder(sources));
        }));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _store.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AReaderGetsTheSeriesOfItsTenantOnlyInTheContractsShape()
    {
        using var acme = await ClientAsync("acme", Role.Reader);

        var response = await acme.GetAsync("/v1/dashboard?since=1h");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(60, body.GetProperty("bucketSeconds").GetInt64());
        var buckets = body.GetProperty("buckets").EnumerateArray().ToList();
        Assert.InRange(buckets.Count, 60, 61);
        Assert.All(buckets, b => Assert.All(PointFields.Prepend("start"), f => Assert.True(b.TryGetProperty(f, out _), f)));
        Assert.True(DateTimeOffset.Parse(body.GetProperty("since").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= _time.GetUtcNow().AddHours(-1));
        var totals = body.GetProperty("totals");
        Assert.False(totals.TryGetProperty("start", out _));
        Assert.Equal((2L, 1L, 1.0m, 2L, 1L, 0.5, 0.9, 2L), (totals.GetProperty("requests").GetInt64(), totals.GetProperty("errors").GetInt64(), totals.GetProperty("costUsd").GetDecimal(),
            totals.GetProperty("answers").GetInt64(), totals.GetProperty("abstentions").GetInt64(), totals.GetProperty("abstentionRate").GetDouble(), totals.GetProperty("groundingMean").GetDouble(), totals.GetProperty("guardTriggers").GetInt64()));
        Assert.Equal((3L, 1L), (totals.GetProperty("feedbackUp").GetInt64(), totals.GetProperty("feedbackDown").GetInt64()));
        Assert.Equal(300.0 - (0.05 * 200), totals.GetProperty("p95Ms").GetDouble());
        var busy = buckets.Single(b => b.GetProperty("requests").GetInt64() > 0);
        Assert.Equal(2, busy.GetProperty("requests").GetInt64());
        Assert.Equal(JsonValueKind.Null, buckets[0].GetProperty("abstentionRate").ValueKind);
        var model = Assert.Single(body.GetProperty("models").EnumerateArray());
        Assert.Equal(("small", 2L, 1L), (model.GetProperty("model").GetString(), model.GetProperty("requests").GetInt64(), model.GetProperty("errors").GetInt64()));
        Assert.Empty(body.GetProperty("alerts").EnumerateArray()); // server-wide: admins only
    }

    [Fact]
    public async Task AnAdminSeesItsTenantsSeriesAndOnlyTheDefaultTenantsAdminSeesTheServerWideAlertStates()
    {
        using var globex = await ClientAsync("globex", Role.Admin);
        using var operatorKey = await ClientAsync(Tenants.Default, Role.Admin);

        var body = await JsonAsync(await globex.GetAsync("/v1/dashboard?since=24h&bucket=1h"));
        var server = await JsonAsync(await operatorKey.GetAsync("/v1/dashboard?since=24h&bucket=1h"));

        Assert.Equal((3600L, 1L, 9m), (body.GetProperty("bucketSeconds").GetInt64(), body.GetProperty("totals").GetProperty("requests").GetInt64(), body.GetProperty("totals").GetProperty("costUsd").GetDecimal()));
        Assert.Equal((1L, 0L), (body.GetProperty("totals").GetProperty("feedbackUp").GetInt64(), body.GetProperty("totals").GetProperty("feedbackDown").GetInt64()));
        Assert.Empty(body.GetProperty("alerts").EnumerateArray()); // its figures cover every tenant: another tenant's admin does not see them
        var alerts = server.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Contains(alerts, a => a.GetProperty("rule").GetString() == "spend" && a.GetProperty("state").GetString() == "ok" && a.GetProperty("since").ValueKind == JsonValueKind.Null);
        Assert.Equal(7, alerts.Count);
    }

    [Theory]
    [InlineData("since=forever", "since: 'forever'")]
    [InlineData("since=1y", "since: '1y'")]
    [InlineData("since=30d&bucket=1m", "bucket: '1m' makes")]
    [InlineData("since=1h&bucket=often", "bucket: 'often'")]
    [InlineData("since=1h&bucket=36500d", "bucket: '36500d' is longer than since")]
    public async Task ABadRangeIsRefusedWithAProblemNamingTheValue(string query, string detail)
    {
        using var acme = await ClientAsync("acme", Role.Reader);

        var response = await acme.GetAsync("/v1/dashboard?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAKeyTheDashboardIsRefused()
    {
        await (await ClientAsync("acme", Role.Reader)).GetAsync("/v1/dashboard"); // keys exist in the store
        using var anonymous = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/dashboard?since=1h")).StatusCode);
    }

    private async Task<HttpClient> ClientAsync(string tenant, Role role)
    {
        var key = await _store.CreateAsync(new NewApiKey(tenant, role), default);
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    private static UsageRecord Row(DateTimeOffset at, string tenant, decimal cost, double latency, int status) =>
        new(at, "req_" + Guid.NewGuid().ToString("N"), "chat") { Tenant = tenant, Model = "small", CostUsd = cost, LatencyMs = latency, Status = status, InputTokens = 10, OutputTokens = 5 };
}
