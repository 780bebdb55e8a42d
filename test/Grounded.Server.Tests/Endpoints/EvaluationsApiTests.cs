using System.Net;
using System.Text.Json;
using Grounded.Access;
using Grounded.Evaluation;
using Grounded.Server.Tests.Support;

namespace Grounded.Server.Tests.Endpoints;

/// <summary><c>/v1/evaluations</c>: a reader sees its tenant's saved runs, newest first, and one run's report; never another tenant's.</summary>
public sealed class EvaluationsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private PromptsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PromptsHost.StartAsync();
        await SaveAsync("eval_a1", "acme", Noon.AddHours(-1), null, """{"items":[{"id":"q1","metrics":{"token_f1":0.25}}],"metrics":{"token_f1":0.25},"gate":{"passed":true,"failures":[]}}""");
        await SaveAsync("eval_a2", "acme", Noon, "failed", """{"items":[],"metrics":{"token_f1":0.5},"gate":{"passed":false,"failures":[{"metric":"token_f1"}],"baseline":{"token_f1":0.9},"tolerance":0.02}}""");
        await SaveAsync("eval_o1", "other", Noon.AddHours(1), "passed", "{}");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AReaderListsItsTenantsRunsNewestFirstWithTheirMetricsAndGate()
    {
        using var reader = _host.Client(await _host.KeyAsync("acme", Role.Reader));

        var data = (await JsonAsync(await reader.GetAsync("/v1/evaluations"))).GetProperty("data");
        var one = (await JsonAsync(await reader.GetAsync("/v1/evaluations?limit=1"))).GetProperty("data");

        Assert.Equal(["eval_a2", "eval_a1"], data.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var newest = data[0];
        Assert.Equal(("failed", "qa.jsonl", "small"), (newest.GetProperty("gate").GetString(), newest.GetProperty("dataset").GetString(), newest.GetProperty("model").GetString()));
        Assert.Equal(0.5, newest.GetProperty("metrics").GetProperty("token_f1").GetDouble());
        Assert.Equal(Noon, newest.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, data[1].GetProperty("gate").ValueKind);
        Assert.Equal("eval_a2", Assert.Single(one.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ARunIsShownWithItsWholeReportAndAnotherTenantsRunIs404()
    {
        using var reader = _host.Client(await _host.KeyAsync("acme", Role.Reader));

        var run = await JsonAsync(await reader.GetAsync("/v1/evaluations/eval_a2"));
        var other = await reader.GetAsync("/v1/evaluations/eval_o1");
        var absent = await reader.GetAsync("/v1/evaluations/eval_absent");

        Assert.Equal(("eval_a2", "failed", "grounded-answer@2.0.0"), (run.GetProperty("id").GetString(), run.GetProperty("gate").GetString(), run.GetProperty("prompt").GetString()));
        Assert.Equal(0.9, run.GetProperty("report").GetProperty("gate").GetProperty("baseline").GetProperty("token_f1").GetDouble());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (other.StatusCode, absent.StatusCode));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task ALimitOutsideOneToAHundredIs400(string limit)
    {
        using var reader = _host.Client(await _host.KeyAsync("acme", Role.Reader));

        var response = await reader.GetAsync($"/v1/evaluations?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task SaveAsync(string id, string tenant, DateTimeOffset at, string? gate, string report) =>
        _host.Access.SaveEvaluationRunAsync(new EvaluationRunRecord(id, at, tenant, "qa.jsonl")
        {
            Prompt = "grounded-answer@2.0.0", Model = "small", Gate = gate, Report = report,
            Metrics = JsonDocument.Parse(report).RootElement.TryGetProperty("metrics", out var metrics) ? metrics.Deserialize<Dictionary<string, double?>>()! : new Dictionary<string, double?>(),
        }, default);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
